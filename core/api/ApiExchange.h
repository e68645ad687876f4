#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace MailSink::Api {

// One HTTP request as the API sees it: no socket, so handlers are tested without one.
struct ApiRequest
{
    QByteArray method; // "GET", "PUT", ...
    QString path; // decoded, without the query
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress peer;
    quint16 peerPort = 0;
    QString authUser; // the Basic auth user when credentials were checked

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

struct ApiResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;
};

using Responder = std::function<void(ApiResponse)>;

} // namespace MailSink::Api
