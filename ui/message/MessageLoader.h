#pragma once

#include "lint/Check.h"
#include "lint/Transport.h"
#include "mime/ParsedMessage.h"
#include "store/MessageInfo.h"
#include "util/TraceEntry.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace MailSink::Store {
class MessageStore;
}

namespace MailSink::Ui {

// Everything a MessageWindow shows, prepared off the GUI thread: the bytes, the parsed message, the
// envelope and trace of a stored message, and the (possibly large) text of the Source tab.
struct LoadedMessage
{
    QByteArray raw;
    Mime::ParsedMessage parsed;
    Lint::Report lint; // the Checks tab; against the envelope for stored messages
    std::optional<Store::MessageInfo> info; // only for stored messages
    Trace trace;
    QString filePath; // the stored file or the opened .eml
    QString error; // set when nothing could be read
    QString sourceText;
    bool sourceIsBinary = false; // not valid UTF-8 text: bytes shown escaped
    bool sourceTruncated = false; // only the first SourceLimit bytes are in sourceText

    bool isStored() const { return info.has_value(); }
    static constexpr qsizetype SourceLimit = 4 * 1024 * 1024;
};

namespace MessageLoader {

LoadedMessage loadStored(const Store::MessageStore *store, qint64 id);
LoadedMessage loadFile(const QString &path);
LoadedMessage fromBytes(
    const QByteArray &raw, const QString &filePath = {}, const Lint::Transport &transport = {});

// The bytes as text, exactly: valid UTF-8 shown as is, anything else escaped as \xNN, so a binary
// message never corrupts the view. Sets `binary` when escaping was needed.
QString sourceText(QByteArrayView raw, bool *binary);
QString hexDump(QByteArrayView raw);

} // namespace MessageLoader

} // namespace MailSink::Ui
