#pragma once

#include <QStringList>

namespace MailSink::Client {

// `mailsink release ID --to HOST:PORT [--starttls|--tls] [--insecure] [--fingerprint SHA256]
//  [--user U --password-file F] [--from ADDR] [--rcpt ADDR ...] [--store DIR] [-v]`
// Sends a stored message, byte for byte, to another server. `arguments` is the whole argv
// ("mailsink", "release", ...). Exit 0 delivered, 1 delivery failed, 2 usage error.
int runRelease(const QStringList &arguments);

// `mailsink sendmail [-t] [-i] [-f FROM] [--smtp HOST:PORT] [RCPT ...]`, also as a program named
// `sendmail`: `arguments` may be ("mailsink", "sendmail", ...) or ("sendmail", ...). Reads the message
// on stdin and sends it over SMTP. Exit codes follow sendmail's <sysexits.h>: 0 sent, 64 usage,
// 67 recipient refused, 69 refused permanently, 75 temporary failure (retry later).
int runSendmail(const QStringList &arguments);

} // namespace MailSink::Client
