#pragma once

#include "HostPort.h"

#include <QString>

#include <functional>

class QObject;

namespace MailSink {

class DescriptorListener;

// The two listeners of a protocol server, plain (with STARTTLS/STLS) and implicit TLS (RFC 8314), shared by
// the SMTP and POP3 servers: moves either without dropping it on failure (DescriptorListener::rebind) and
// reports through `changed` whenever "listening on at least one" flips.
class ListenerPair
{
public:
    using Incoming = std::function<void(qintptr descriptor, bool implicitTls)>;
    ListenerPair(QObject *parent, Incoming incoming, std::function<void(bool listening)> changed);
    ~ListenerPair();
    ListenerPair(const ListenerPair &) = delete;
    ListenerPair &operator=(const ListenerPair &) = delete;

    bool listen(bool implicitTls, const HostPort &address, int backlog, QString *error);
    void stop(bool implicitTls);
    void stopAll();

    bool isListening() const;
    bool isListening(bool implicitTls) const;
    HostPort address(bool implicitTls) const; // empty when that one does not listen

private:
    DescriptorListener *&slot(bool implicitTls) { return implicitTls ? m_implicit : m_plain; }
    void report(bool was);

    QObject *m_parent;
    Incoming m_incoming;
    std::function<void(bool)> m_changed;
    DescriptorListener *m_plain = nullptr;
    DescriptorListener *m_implicit = nullptr;
};

} // namespace MailSink
