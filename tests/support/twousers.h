#pragma once

#include "testclient.h"
#include "testserver.h"

#include <memory>

namespace Hubbub::Test {

//! What many server tests start from: a fresh server and two users, ada and bob, each signed up
//! on a connection of their own. Made in init() with setUp(), dropped in cleanup().
struct TwoUsers
{
    std::unique_ptr<TestServer> server;
    std::unique_ptr<TestClient> ada;
    std::unique_ptr<TestClient> bob;

    bool setUp();
    void tearDown();
};

} // namespace Hubbub::Test
