// `mailsink inspect` shows the checks: for a file, and for a stored message whose envelope a real
// client (Python's smtplib) set, with and without BODY=8BITMIME.
#include "ServerFixture.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace MailSink::Test;

namespace {

const QString Binary = QStringLiteral(MAILSINK_BINARY);

QJsonObject inspectJson(const QStringList &arguments)
{
    const ProcessResult result = run(
        Binary, QStringList {QStringLiteral("inspect")} + arguments + QStringList {QStringLiteral("--json")});
    REQUIRE(result.exitCode == 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return document.object();
}

QStringList checkIds(const QJsonObject &json)
{
    QStringList ids;
    for (const QJsonValue &check : json.value(QStringLiteral("checks")).toArray())
        ids.append(check.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace

TEST_CASE("inspect --json has checks and the client summary", "[lint][cli]")
{
    const QJsonObject json = inspectJson({testData(QStringLiteral("lint/html-flexbox.eml"))});
    const QJsonArray checks = json.value(QStringLiteral("checks")).toArray();
    REQUIRE(checks.size() == 1);
    const QJsonObject check = checks[0].toObject();
    CHECK(check.value(QStringLiteral("id")).toString() == u"html-flexbox");
    CHECK(check.value(QStringLiteral("severity")).toString() == u"warning");
    CHECK(check.value(QStringLiteral("reference")).toString() == u"caniemail.com/features/css-display-flex");
    CHECK(check.value(QStringLiteral("part")).toString() == u"2");
    CHECK(check.value(QStringLiteral("message")).toString().contains(QStringLiteral("Outlook (Windows)")));
    bool outlook = false;
    for (const QJsonValue &client : check.value(QStringLiteral("clients")).toArray()) {
        const QJsonObject object = client.toObject();
        if (object.value(QStringLiteral("family")).toString() == u"Outlook (Windows)")
            outlook = object.value(QStringLiteral("support")).toString() == u"no";
    }
    CHECK(outlook);
    const QJsonArray summary = json.value(QStringLiteral("client_support")).toArray();
    REQUIRE(summary.size() == 7);
    CHECK(summary[1].toObject().value(QStringLiteral("family")).toString() == u"Outlook (Windows)");
    CHECK(summary[1].toObject().value(QStringLiteral("unsupported")).toArray().first().toString()
        == u"display:flex (flexbox)");

    const QJsonObject clean = inspectJson({testData(QStringLiteral("lint/clean.eml"))});
    CHECK(clean.value(QStringLiteral("checks")).toArray().isEmpty());
    // A message without HTML: checks but no summary; the part of a whole-message check is null.
    const QJsonObject noDate = inspectJson({testData(QStringLiteral("lint/date-missing.eml"))});
    CHECK(checkIds(noDate) == QStringList {QStringLiteral("date-missing")});
    CHECK(noDate.value(QStringLiteral("checks"))
              .toArray()[0]
              .toObject()
              .value(QStringLiteral("part"))
              .isNull());
    CHECK(noDate.value(QStringLiteral("client_support")).toArray().isEmpty());
}

TEST_CASE("inspect prints the checks readably", "[lint][cli]")
{
    const ProcessResult result
        = run(Binary, {QStringLiteral("inspect"), testData(QStringLiteral("lint/html-font-face.eml"))});
    REQUIRE(result.exitCode == 0);
    const QString out = QString::fromUtf8(result.out);
    CHECK(out.contains(QStringLiteral("Checks (0 errors, 1 warnings, 1 notes):")));
    CHECK(out.contains(QStringLiteral("warning  html-font-face (part 2): The HTML uses @font-face")));
    CHECK(out.contains(QStringLiteral("[caniemail.com/features/css-at-font-face]")));
    CHECK(out.contains(
        QStringLiteral("Gmail: not supported: @font-face web fonts; partly supported: <style> element")));
    CHECK(out.contains(QStringLiteral("Apple Mail: supports every checked feature the HTML uses")));
}

TEST_CASE("a stored message is checked against its SMTP envelope", "[lint][cli][integration]")
{
    ServerFixture server;
    // The same 8-bit message twice: once announced with BODY=8BITMIME, once not.
    const ProcessResult sent = python(R"(
import smtplib, sys
raw = open(sys.argv[2], "rb").read()
with smtplib.SMTP("127.0.0.1", int(sys.argv[1])) as s:
    s.ehlo()
    s.sendmail("shop@example.com", ["dev@example.org"], raw, mail_options=["BODY=8BITMIME"])
    s.sendmail("shop@example.com", ["dev@example.org"], raw)
)",
        {QString::number(server.port()), testData(QStringLiteral("lint/eight-bit-without-8bitmime.eml"))});
    INFO(sent.err.toStdString());
    REQUIRE(sent.exitCode == 0);
    REQUIRE(server.waitForMessages(2));

    const QStringList store {QStringLiteral("--store"), server.storePath()};
    const QJsonObject announced = inspectJson(QStringList {QStringLiteral("1")} + store);
    CHECK(announced.value(QStringLiteral("envelope")).toObject().contains(QStringLiteral("mail_parameters")));
    CHECK(checkIds(announced).isEmpty());
    const QJsonObject silent = inspectJson(QStringList {QStringLiteral("2")} + store);
    CHECK(checkIds(silent) == QStringList {QStringLiteral("eight-bit-without-8bitmime")});
}
