#include "twoappsfixture.h"

#include "channelmodel.h"
#include "connection.h"
#include "feedmodel.h"
#include "mainwindow.h"
#include "peoplemodel.h"
#include "reply.h"
#include "widgettesting.h"

#include <QDir>
#include <QJsonObject>
#include <QTest>

namespace Hubbub::Test {

using namespace Hubbub::Client;

const QString TwoAppsFixture::Password = QStringLiteral("correct horse");

TestApp::TestApp(const QString &dir)
    : settings(QDir(dir).filePath(QStringLiteral("hubbub.ini")))
    , session(Session::Paths {
          QDir(dir).filePath(QStringLiteral("data")), QDir(dir).filePath(QStringLiteral("cache"))})
    , controller(&session, &settings)
{ }

MainWindow *TestApp::window() const
{
    return controller.mainWindow();
}

bool TestApp::isReady() const
{
    return window() && window()->isVisible() && session.connection()->isOnline()
        && session.feed()->isLoaded();
}

bool TwoAppsFixture::startApps()
{
    m_server = std::make_unique<TestServer>();
    if (!m_server->start())
        return false;
    // Each test starts from empty settings.
    m_adaDir = std::make_unique<QTemporaryDir>();
    m_bobDir = std::make_unique<QTemporaryDir>();
    m_ada = startApp(*m_adaDir, QStringLiteral("ada"));
    m_bob = startApp(*m_bobDir, QStringLiteral("bob"));
    return m_ada && m_bob && QTest::qWaitFor([this] {
        return m_ada->session.people()->rowCount() == 2 && m_bob->session.people()->rowCount() == 2;
    });
}

void TwoAppsFixture::stopApps()
{
    closeDialogsAndMenus();
    m_ada.reset();
    m_bob.reset();
    m_server.reset();
    m_adaDir.reset();
    m_bobDir.reset();
}

std::unique_ptr<TestApp> TwoAppsFixture::startApp(QTemporaryDir &dir, const QString &username)
{
    if (!dir.isValid() || !QDir(dir.path()).mkpath(QStringLiteral("data")))
        return nullptr;
    auto app = std::make_unique<TestApp>(dir.path());
    app->controller.start({m_server->url(), username, Password});
    if (!QTest::qWaitFor([&] { return app->isReady(); }, 20000))
        return nullptr;
    if (app->controller.signInDialog() || !QTest::qWaitForWindowExposed(app->window()))
        return nullptr;
    return app;
}

qint64 TwoAppsFixture::createChannel(const QString &name)
{
    // Shared: the answer may come after a timeout has ended this function.
    auto id = std::make_shared<qint64>(0);
    m_ada->session.createChannel(name, {}, m_ada->window(), [id](const Reply &reply) {
        *id = reply.ok() ? reply.result()
                               .value(QStringLiteral("channel"))
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toInteger()
                         : -1;
    });
    const bool listed = QTest::qWaitFor(
        [&] {
            return *id > 0 && m_ada->session.channels()->rowOf(*id) >= 0
                && m_bob->session.channels()->rowOf(*id) >= 0;
        },
        10000);
    return listed ? *id : 0;
}

int rowWith(const QAbstractItemModel *model, int role, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(role).toString() == text)
            return row;
    }
    return -1;
}

int countWith(const QAbstractItemModel *model, int role, const QString &text)
{
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        count += model->index(row, 0).data(role).toString() == text ? 1 : 0;
    return count;
}

} // namespace Hubbub::Test
