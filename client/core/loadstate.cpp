#include "loadstate.h"

namespace Hubbub::Client {

LoadState loadStateOf(Connection::State state, bool loaded)
{
    if (loaded)
        return LoadState::Loaded;
    switch (state) {
    case Connection::State::Online:
    case Connection::State::Syncing:
        return LoadState::Loading;
    case Connection::State::Connecting:
    case Connection::State::SigningIn:
        return LoadState::Connecting;
    case Connection::State::Waiting:
    case Connection::State::Disconnected:
        break;
    }
    return LoadState::Offline;
}

} // namespace Hubbub::Client
