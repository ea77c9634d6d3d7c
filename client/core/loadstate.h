#pragma once

#include "connection.h"

namespace Hubbub::Client {

//! What a view with no rows can say about them: they loaded (and there are none), they are on
//! their way, or they cannot come yet because the app is connecting or offline. The feed, the
//! channel list and the people list say it the same way.
enum class LoadState { Loaded, Loading, Connecting, Offline };

//! The state of a list that has (`loaded`) or has not yet come from the server, given the
//! connection's state.
LoadState loadStateOf(Connection::State state, bool loaded);

} // namespace Hubbub::Client
