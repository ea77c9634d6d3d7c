#pragma once

#include "messagetype.h"
#include <QDialog>

#include <QJsonObject>
#include <QTimer>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace Hubbub::Client {

class Reply;
class Session;

//! What an admin runs from the app (features "admin", "invites", "audit"): people and their
//! roles (make admin, disable, reset a password), invite codes, and the audit log.
class AdminDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AdminDialog(Session *session, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AdminDialog)

    QTabWidget *tabs() const { return m_tabs; }
    QTreeWidget *people() const { return m_people; }
    QTreeWidget *invites() const { return m_invites; }
    QTreeWidget *audit() const { return m_audit; }
    QString statusText() const;
    //! The account it was opened for.
    qint64 userId() const { return m_userId; }
    //! The code shown by the last reset or new invite (for tests and for copying).
    QString lastCode() const { return m_lastCode; }

    void refreshPeople();
    void refreshInvites();
    //! Reloads the audit log from the newest entry.
    void refreshAudit();
    //! What the buttons do on the selected person, without asking first (tests).
    void toggleAdmin();
    void toggleDisabled();
    void resetPassword();
    //! A new invite valid for `hours`; its code shows in a box to copy.
    void createInvite(int hours);
    void revokeSelectedInvite();

    //! How an audit entry reads ("ada made bob an admin"), in the user's language.
    static QString describeAction(const QJsonObject &entry);

private:
    void showPeople(const Reply &reply);
    void showInvites(const Reply &reply);
    void showAudit(const Reply &reply, bool append);
    void loadOlderAudit();
    //! Runs an admin verb on the selected person and reloads what it changed.
    void runOnPerson(MessageType type, const QJsonObject &params, const QString &done);
    void showCode(const QString &title, const QString &text, const QString &code);
    void setStatus(const QString &text, bool error = false);
    void updateButtons();
    QJsonObject selectedPerson() const;

    Session *m_session;
    qint64 m_userId;
    QTabWidget *m_tabs;
    QTreeWidget *m_people;
    QPushButton *m_role;
    QPushButton *m_disable;
    QPushButton *m_reset;
    QTreeWidget *m_invites;
    QComboBox *m_validity;
    QPushButton *m_newInvite;
    QPushButton *m_revoke;
    QTreeWidget *m_audit;
    QPushButton *m_older;
    QLabel *m_status;
    QString m_lastCode;
    QTimer m_refreshPeople;
    qint64 m_oldestAudit = 0;
    bool m_busy = false;
};

} // namespace Hubbub::Client
