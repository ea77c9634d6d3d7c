#include "twousers.h"

namespace Hubbub::Test {

bool TwoUsers::setUp()
{
    server = std::make_unique<TestServer>();
    if (!server->start())
        return false;
    ada = std::make_unique<TestClient>();
    bob = std::make_unique<TestClient>();
    return ada->open(server->url()) && bob->open(server->url())
        && isOk(ada->registerUser(QStringLiteral("ada")))
        && isOk(bob->registerUser(QStringLiteral("bob")));
}

void TwoUsers::tearDown()
{
    ada.reset();
    bob.reset();
    server.reset();
}

} // namespace Hubbub::Test
