#include "ListenerPair.h"

#include "DescriptorListener.h"

namespace MailSink {

ListenerPair::ListenerPair(QObject *parent, Incoming incoming, std::function<void(bool)> changed)
    : m_parent(parent)
    , m_incoming(std::move(incoming))
    , m_changed(std::move(changed))
{ }

ListenerPair::~ListenerPair()
{
    delete m_plain;
    delete m_implicit;
}

void ListenerPair::report(bool was)
{
    if (was != isListening() && m_changed)
        m_changed(isListening());
}

bool ListenerPair::listen(bool implicitTls, const HostPort &address, int backlog, QString *error)
{
    const bool was = isListening();
    const bool ok = DescriptorListener::rebind(
        slot(implicitTls), [this, implicitTls](qintptr fd) { m_incoming(fd, implicitTls); }, address, backlog,
        m_parent, error);
    report(was); // also when a same-port move lost the old listener
    return ok;
}

void ListenerPair::stop(bool implicitTls)
{
    const bool was = isListening();
    delete slot(implicitTls);
    slot(implicitTls) = nullptr;
    report(was);
}

void ListenerPair::stopAll()
{
    const bool was = isListening();
    delete m_plain;
    m_plain = nullptr;
    delete m_implicit;
    m_implicit = nullptr;
    report(was);
}

bool ListenerPair::isListening(bool implicitTls) const
{
    const DescriptorListener *listener = implicitTls ? m_implicit : m_plain;
    return listener && listener->isListening();
}

bool ListenerPair::isListening() const
{
    return isListening(false) || isListening(true);
}

HostPort ListenerPair::address(bool implicitTls) const
{
    const DescriptorListener *listener = implicitTls ? m_implicit : m_plain;
    if (!listener)
        return {};
    return {listener->serverAddress(), listener->serverPort()};
}

} // namespace MailSink
