#pragma once

#include "deployment.h"
#include "types.h"

#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class QStackedWidget;

namespace Hubbub::Client {

class AccountDialog;
class AdminDialog;
class ChatView;
class ClientSettings;
class ConnectionStatus;
class FeedView;
class Notifier;
class OfflineBanner;
class SearchPanel;
class Session;
class Sidebar;

//! The main window: the sidebar on the left, the feed or a channel on the right, a banner
//! across the top while offline, the connection state in the status bar, the unread count in
//! the title. It opens on what the account last looked at on that server. It speaks no
//! protocol: everything goes through the Session.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Session *session, ClientSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    void showFeed();
    //! Shows a channel with the cursor in its message box.
    void showChannel(qint64 channelId);
    //! Opens `user`'s profile card near `globalPos` (a click on their name or avatar).
    void showProfile(const Hubbub::User &user, const QPoint &globalPos);
    //! "Edit profile…": your display name and picture.
    void editProfile();
    //! "Account…": password and signed-in devices.
    AccountDialog *showAccount();
    //! "Administration…" (admins only): people, invites, audit log.
    AdminDialog *showAdministration();

    //! Opens the direct conversation with `userId` (starting it if there is none yet) and
    //! shows it; the people list, "Message NAME" in chat and profile cards call this.
    void openDirectMessage(qint64 userId);
    //! Shows the channel and the message in it, loading the history around it if needed.
    void jumpToMessage(qint64 channelId, qint64 messageId);

    Sidebar *sidebar() const { return m_sidebar; }
    FeedView *feedView() const { return m_feedView; }
    ChatView *chatView() const { return m_chatView; }
    ConnectionStatus *connectionStatus() const { return m_status; }
    OfflineBanner *offlineBanner() const { return m_banner; }
    Notifier *notifier() const { return m_notifier; }
    SearchPanel *searchPanel() const { return m_search; }
    //! Opens a search result: the feed, scrolled to the post once loaded.
    void openPost(qint64 postId);

Q_SIGNALS:
    //! The user chose Sign out: the app shows the sign-in dialog again.
    void signOutRequested();
    //! Sign in to another server or account; this one stays signed in until that succeeds.
    void switchAccountRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void createChannel();
    void renameUser();
    void updateTitle();
    //! Administration shows for admins on a server that has it; Account where it has accounts.
    void updateAdminAction();
    void closeAccountDialogs();
    void showAbout();
    //! Opens what the signed-in account last looked at on this server (the feed if nothing).
    void restoreView();
    void saveView(qint64 channelId);

    Session *m_session;
    ClientSettings *m_settings;
    QAction *m_adminAction = nullptr;
    QAction *m_accountAction = nullptr;
    QPointer<AccountDialog> m_accountDialog;
    QPointer<AdminDialog> m_adminDialog;
    Sidebar *m_sidebar;
    QStackedWidget *m_stack;
    FeedView *m_feedView;
    ChatView *m_chatView;
    ConnectionStatus *m_status;
    OfflineBanner *m_banner;
    Notifier *m_notifier;
    SearchPanel *m_search;
    QWidget *m_pageBeforeSearch = nullptr;
    // Whose last view this window shows and keeps: another account signing in gets its own.
    Deployment m_viewServer;
    qint64 m_viewUser = 0;
};

} // namespace Hubbub::Client
