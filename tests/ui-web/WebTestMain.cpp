#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "message/WebEngineSupport.h"

#include <QApplication>

// The Rendered tab's browser engine needs its URL schemes registered before the QApplication exists, as
// app/main.cpp does. Offscreen by default (catch_discover_tests runs this at build time, no display).
int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    MailSink::Ui::WebEngineSupport::prepare();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MailsinkTest"));
    QApplication::setApplicationName(QStringLiteral("mailsink-ui-web-test"));
    return Catch::Session().run(argc, argv);
}
