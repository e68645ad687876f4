#include "Settings.h"

#include <QDir>
#include <QSettings>
#include <QSize>

namespace MailSink::Ui {

namespace {

struct Entry
{
    Settings::Key key;
    const char *name;
    QVariant (*fallback)();
};

const Entry Table[] = {
    {Settings::Key::MainWindowGeometry, "window/geometry", [] { return QVariant(); }},
    {Settings::Key::MainWindowState, "window/state", [] { return QVariant(); }},
    {Settings::Key::SplitterState, "window/splitter", [] { return QVariant(); }},
    {Settings::Key::MessageListHeader, "messageList/header", [] { return QVariant(); }},
    {Settings::Key::AttachmentListHeader, "messageWindow/attachmentHeader", [] { return QVariant(); }},
    {Settings::Key::MessageWindowSize, "messageWindow/size", [] { return QVariant(QSize(860, 620)); }},
    {Settings::Key::SessionWindowSize, "sessionWindow/size", [] { return QVariant(QSize(640, 420)); }},
    {Settings::Key::AutoOpenSessions, "sessions/autoOpen", [] { return QVariant(true); }},
    {Settings::Key::ServePop3, "pop3/enabled", [] { return QVariant(true); }},
    {Settings::Key::TabbedView, "window/tabbedView", [] { return QVariant(false); }},
    {Settings::Key::LastDirectory, "files/lastDirectory", [] { return QVariant(QDir::homePath()); }},
    {Settings::Key::SearchBodies, "messageList/searchBodies", [] { return QVariant(false); }},
};

const Entry &entry(Settings::Key key)
{
    for (const Entry &e : Table) {
        if (e.key == key)
            return e;
    }
    Q_UNREACHABLE();
}

} // namespace

Settings::Settings(QSettings *settings)
    : m_settings(settings)
{ }

QVariant Settings::value(Key key) const
{
    const Entry &e = entry(key);
    return m_settings->value(QLatin1String(e.name), e.fallback());
}

void Settings::setValue(Key key, const QVariant &value)
{
    m_settings->setValue(QLatin1String(entry(key).name), value);
}

} // namespace MailSink::Ui
