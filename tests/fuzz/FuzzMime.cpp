// libFuzzer target for the MIME adapter: every public entry point of core/mime gets the same bytes.

#include "mime/Address.h"
#include "mime/DateParsing.h"
#include "mime/HeaderParameters.h"
#include "mime/HeaderSummary.h"
#include "mime/ParsedMessage.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace MailSink::Mime;
    const QByteArray raw(reinterpret_cast<const char *>(data), qsizetype(size));

    const ParsedMessage message = parseMessage(raw);
    for (const Part &part : message.parts()) {
        const QByteArray content = message.partContent(part.path);
        if (content.size() != part.size)
            __builtin_trap(); // the summary and the content must agree
        if (!part.contentId.isEmpty() && !message.partByContentId(part.contentId))
            __builtin_trap();
    }
    (void)QJsonDocument(inspectJson(message)).toJson();
    (void)inspectText(message);
    (void)message.text();
    (void)message.html();

    (void)summarizeHeaders(raw);
    (void)decodeHeader(raw.left(4096));
    (void)parseAddressList(raw.left(4096));
    (void)HeaderParameters::parse(raw.left(4096)).parameters();
    (void)parseDate(raw.left(256));
    return 0;
}
