#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>

// The dialogs need a QApplication (the shared test main makes a QCoreApplication); this main takes
// precedence over the one in mailsink_testsupport.
int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MailsinkTest"));
    QApplication::setApplicationName(QStringLiteral("mailsink-ui-outgoing-test"));
    return Catch::Session().run(argc, argv);
}
