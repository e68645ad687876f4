#include "DescriptorListener.h"

#include <memory>

namespace MailSink {

namespace {

std::unique_ptr<DescriptorListener> bindListener(const DescriptorListener::Handler &handler,
    const HostPort &address, int backlog, QObject *parent, QString *error)
{
    auto listener = std::make_unique<DescriptorListener>(handler, parent);
    listener->setListenBacklogSize(backlog);
    if (listener->listen(address.address, address.port))
        return listener;
    if (error)
        *error = QStringLiteral("cannot listen on %1: %2").arg(address.toString(), listener->errorString());
    return nullptr;
}

} // namespace

bool DescriptorListener::rebind(DescriptorListener *&slot, const Handler &handler, const HostPort &address,
    int backlog, QObject *parent, QString *error)
{
    QString firstError;
    if (auto fresh = bindListener(handler, address, backlog, parent, &firstError)) {
        delete slot;
        slot = fresh.release();
        return true;
    }
    // Same port on another interface (127.0.0.1:1025 -> 0.0.0.0:1025) collides with our own socket.
    const bool ownPort
        = slot && slot->isListening() && slot->serverPort() == address.port && address.port != 0;
    if (!ownPort) {
        if (error)
            *error = firstError;
        return false;
    }
    const HostPort previous {slot->serverAddress(), slot->serverPort()};
    delete slot;
    slot = nullptr;
    if (auto fresh = bindListener(handler, address, backlog, parent, error)) {
        slot = fresh.release();
        return true;
    }
    if (auto restored = bindListener(handler, previous, backlog, parent, nullptr))
        slot = restored.release();
    return false;
}

} // namespace MailSink
