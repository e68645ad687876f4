#pragma once

#include <QStringList>

namespace MailSink::Cli {

enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

int runServe(const QStringList &arguments);
int runList(const QStringList &arguments);
int runInspect(const QStringList &arguments);
int runUsage(const QStringList &arguments);

} // namespace MailSink::Cli
