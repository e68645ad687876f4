#include "HeaderSummary.h"

#include "Address.h"
#include "HeaderBlock.h"
#include "HeaderDecoding.h"

namespace MailSink::Mime {

HeaderSummary summarizeHeaders(QByteArrayView head)
{
    // Only the header block, split without interpreting anything else; linear however it is folded.
    const HeaderBlock block = HeaderBlock::parse(head);
    HeaderSummary summary;
    bool haveSubject = false, haveFrom = false, haveTo = false, haveType = false;
    for (const HeaderBlock::Field &field : block.fields()) {
        const QByteArrayView name = field.name;
        if (!haveSubject && name.compare("subject", Qt::CaseInsensitive) == 0) {
            summary.subject = decodeHeader(field.value).simplified();
            haveSubject = true;
        } else if (!haveFrom && name.compare("from", Qt::CaseInsensitive) == 0) {
            summary.from = formatAddresses(parseAddressList(field.value));
            haveFrom = true;
        } else if (!haveTo && name.compare("to", Qt::CaseInsensitive) == 0) {
            summary.to = formatAddresses(parseAddressList(field.value));
            haveTo = true;
        } else if (!haveType && name.compare("content-type", Qt::CaseInsensitive) == 0) {
            summary.hasAttachments = field.value.trimmed().toLower().startsWith("multipart/mixed");
            haveType = true;
        }
    }
    return summary;
}

} // namespace MailSink::Mime
