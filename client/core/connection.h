#pragma once

#include "backoff.h"
#include "deployment.h"
#include "error.h"
#include "eventtype.h"
#include "messagetype.h"
#include "reply.h"
#include "serverframe.h"
#include "types.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QWebSocket;

namespace Hubbub::Client {

using ReplyCallback = std::function<void(const Reply &)>;

//! A server's certificate that nothing vouches for yet: no CA the system trusts signed it,
//! and it is not the one the user trusted for this server (trust on first use, as SSH and
//! Mumble do it).
struct CertificateCheck
{
    QUrl server; //!< the address it was offered at
    QString fingerprint; //!< SHA-256 of the certificate offered, "AB:CD:…"
    QString pinned; //!< the one trusted before for this host and port; empty the first time
    // Initialised: its default constructor is explicit, which `CertificateCheck {}` (what
    // QVariant does) may not call implicitly (clang refuses it).
    QSslCertificate certificate = QSslCertificate();
    QStringList problems; //!< why the system does not trust it, in the user's language (Qt's)

    bool changed() const { return !pinned.isEmpty() && pinned != fingerprint; }
};

//! One signed-in connection to a Hubbub server: hello, sign-in, requests with ids and
//! timeouts, and the event stream applied once per seq. When the connection drops it
//! reconnects by itself with backoff, signs in again with the token and resumes with `sync`
//! from the last applied seq, so the events it emits have no gap and no repeat. A deployment
//! of several addresses is tried round robin: a failed attempt or a drop moves on to the next
//! address at once, and the backoff waits only between full rounds.
class Connection final : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected, //!< not started, signed out, or sign-in refused
        Connecting, //!< opening the socket
        SigningIn, //!< hello and auth.*
        Syncing, //!< catching up with sync and presence.list
        Online, //!< caught up; live events flow
        Waiting, //!< dropped; the next attempt is scheduled
    };
    Q_ENUM(State)

    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;
    Q_DISABLE_COPY_MOVE(Connection)

    //! Signs in with a password (createAccount: auth.register). Fails once, with
    //! signInFailed(), if no address of the deployment can be reached; reconnects by itself
    //! once signed in.
    void signIn(const Deployment &deployment, const QString &username, const QString &password,
        bool createAccount = false, const QString &invite = {});
    //! Signs in with a remembered token and keeps trying until the server answers.
    //! `fromSeq` >= 0: what the caller already has (a local cache, a script's state file) is
    //! up to that seq, so the first sign-in catches up with `sync` from there, emitting every
    //! later event, instead of reloadRequired() at hello's head. A `too_old` answer still
    //! falls back to reloadRequired().
    void resume(const Deployment &deployment, const QString &token, qint64 fromSeq = -1);
    //! auth.logout, then closes; no reconnect.
    void signOut();
    //! Closes and forgets the account here without logging out: the token stays valid on the
    //! server, for whoever kept it to resume() with.
    void leave();
    //! Closes without logging out and without reconnecting.
    void disconnectFromServer();
    //! While held, a sign-in waits (in SigningIn) before it catches up: what the events apply
    //! to is still being put in place (the local cache's older posts). Released, it goes on.
    void holdCatchUp(bool hold);
    //! While waiting to reconnect: try now. Held for a certificate: try again (and ask again).
    void retryNow();

    //! The fingerprint the user trusts for an address (host and port), asked on every TLS
    //! connection whose certificate no CA vouches for (empty: none yet). An address with none
    //! takes the certificate pinned for another address of its deployment: the instances of
    //! one deployment share their certificate.
    using PinLookup = std::function<QString(const QUrl &server)>;
    void setPinLookup(PinLookup lookup) { m_pinLookup = std::move(lookup); }
    //! After certificateUntrusted(): tries again, as the sign-in or resume it interrupted (the
    //! user has pinned the certificate meanwhile, or wants to look again).
    void retryCertificate();
    //! After certificateUntrusted(): gives up; signInFailed() follows.
    void refuseCertificate();
    //! Whether a connection waits for the user to decide about a certificate.
    bool isHeldForCertificate() const { return m_heldCheck.has_value(); }
    //! Held, and what waits is a sign-in with a password (not a resume with a token): someone
    //! is waiting for it to succeed or fail.
    bool isHeldSignIn() const { return m_heldCheck.has_value() && m_heldSignIn; }

    //! Signed in with a one-time code from an admin: nothing but choosePassword() works until
    //! a password is chosen, and the connection waits in SigningIn (passwordChangeRequired()).
    bool mustChangePassword() const { return m_mustChangePassword; }
    //! account.password without the current password, after passwordChangeRequired(): on
    //! success the connection goes on to catch up as after any sign-in.
    void choosePassword(const QString &newPassword, QObject *context, ReplyCallback callback);
    //! What the server's hello announced: its extensions ("features") and who may create an
    //! account ("open", "invite" or "closed"; empty when it does not say).
    QStringList features() const { return m_features; }
    bool hasFeature(const QString &feature) const { return m_features.contains(feature); }
    QString registration() const { return m_registration; }

    //! Sends a request; `callback` runs once with the outcome unless `context` is gone.
    //! Requests made while not signed in fail at once with Reply::disconnected().
    //! A `timeout` of 0 means the one set with setRequestTimeout() (15 s unless changed).
    qint64 request(MessageType type, const QJsonObject &params, QObject *context,
        ReplyCallback callback, std::chrono::milliseconds timeout = std::chrono::milliseconds(0));

    State state() const { return m_state; }
    bool isOnline() const { return m_state == State::Online; }
    //! The addresses signed in to; key() names the account's files and settings.
    Deployment deployment() const { return m_deployment; }
    //! The address in use, or being tried: one of deployment()'s.
    QUrl url() const { return m_deployment.isEmpty() ? QUrl() : m_deployment.at(m_address); }
    User user() const { return m_user; }
    QString token() const { return m_token; }
    //! The seq of the last event applied; -1 before the first sign-in.
    qint64 lastSeq() const { return m_lastSeq; }
    //! Milliseconds until the next attempt while Waiting; 0 otherwise.
    qint64 msUntilRetry() const;
    //! Why the last attempt failed, for the status bar.
    QString lastError() const { return m_lastError; }
    //! How an address reads in messages: "ws://host:7300", without the root path's "/".
    static QString displayAddress(QUrl url);

    void setRequestTimeout(std::chrono::milliseconds timeout) { m_defaultTimeout = timeout; }
    //! Which program this is, as "name/version": the WebSocket origin and the start of hello's
    //! `client` (with the system and the machine's name after it). "hubbub-desktop/VERSION"
    //! unless changed; takes effect at the next connection.
    void setClientName(const QString &name) { m_clientName = name; }
    QString clientName() const { return m_clientName; }
    //! How long the server may take to accept the WebSocket upgrade (15 s unless changed): a
    //! first sign-in then fails with a message, a resumed connection tries again later.
    void setConnectTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds connectTimeout() const { return m_connectTimer.intervalAsDuration(); }
    //! Idle time after which a ping checks that the server is still there; after twice this
    //! time without any traffic the link counts as dead.
    void setKeepAlive(std::chrono::milliseconds interval);
    Backoff &backoff() { return m_backoff; }

Q_SIGNALS:
    void stateChanged(Hubbub::Client::Connection::State state);
    //! An attempt to connect starts at `address` (url(), one of the deployment's): also from
    //! one address to the next while the state stays Connecting.
    void connecting(const QUrl &address);
    //! Signed in (the first time on this connection object or again after a drop).
    void signedIn(const Hubbub::User &user, const QString &token);
    //! The sign-in used a one-time code: a new password must be chosen (choosePassword()).
    void passwordChangeRequired();
    //! Wrong password, expired token, unreachable server on a first sign-in, or an
    //! incompatible server. The connection is Disconnected and will not retry.
    void signInFailed(const Hubbub::Error &error);
    //! The signed-in user changed (renamed).
    void userChanged(const Hubbub::User &user);
    //! Views must reload from scratch: first sign-in, or the server no longer has our gap.
    void reloadRequired();
    //! One stored change, in seq order, each seq exactly once: its type and its payload (e.g.
    //! `post`). An event of a kind this client does not know takes its seq but is not emitted.
    void eventReceived(qint64 seq, Hubbub::EventType type, const QJsonObject &data);
    //! Caught up after a (re)connect: queued changes may be sent now.
    void online();
    void presenceListed(const QList<Hubbub::User> &users);
    void presenceChanged(const Hubbub::User &user, bool online);
    void typing(qint64 channelId, const Hubbub::User &user);
    //! Part "read": this user's read position in a channel moved (on this or another device).
    void readMoved(qint64 channelId, qint64 lastReadId);
    //! Part "read": this user's notification level of a channel changed.
    void notifyLevelChanged(qint64 channelId, const QString &level);
    void reconnectScheduled(qint64 delayMs);
    //! The server's certificate needs the user: the connection is closed and waits (not
    //! retrying) for retryCertificate() or refuseCertificate().
    void certificateUntrusted(const Hubbub::Client::CertificateCheck &check);

private:
    //! What signOut() and leave() both drop: the token, the user and the last seq.
    void forgetAccount();
    struct Pending
    {
        MessageType type;
        QPointer<QObject> context;
        bool hasContext = false;
        ReplyCallback callback;
        qint64 deadline = 0;
    };
    enum class AuthMode { None, Password, Register, Token };

    void start(const Deployment &deployment);
    void openSocket();
    //! An attempt failed or the connection dropped: the next address at once while this round
    //! has one left, then the backoff (or, before the first sign-in, giving up with `error`).
    void tryNextAddress(const Error &error);
    //! Whether the certificate offered is the one pinned for another address of the deployment.
    bool pinnedElsewhere(const CertificateCheck &check) const;
    void setState(State state);
    qint64 sendRequest(MessageType type, const QJsonObject &params, QObject *context,
        ReplyCallback callback, std::chrono::milliseconds timeout);
    void onConnected();
    void onConnectTimeout();
    void onDisconnected();
    void onSslErrors(const QList<QSslError> &errors);
    void onText(const QString &text);
    void abortOnTimeout(const Reply &reply);
    void onHello(const Reply &reply);
    void authenticate();
    void onAuth(const Reply &reply);
    void startSync();
    void onSync(const Reply &reply);
    void finishSync();
    void handleEvent(const ServerFrame &frame);
    void applyEvent(const ServerFrame &frame);
    void drainBuffered();
    void failAllPending(const Reply &reply);
    void checkTimeouts();
    void scheduleReconnect();
    void giveUp(const Error &error);
    void dropSocket();

    PinLookup m_pinLookup;
    std::optional<CertificateCheck> m_heldCheck;
    bool m_heldAutoReconnect = false;
    bool m_heldSignIn = false;

    QWebSocket *m_socket = nullptr;
    State m_state = State::Disconnected;
    Deployment m_deployment;
    qsizetype m_address = 0; //!< the one in use in m_deployment
    qsizetype m_failedInRound = 0; //!< attempts failed since the last sign-in or wait
    //! Since the last sign-in; a connection that lasted StableConnectionMs starts a new round.
    QElapsedTimer m_signedInClock;
    static constexpr qint64 StableConnectionMs = 10000;
    AuthMode m_authMode = AuthMode::None;
    QString m_username;
    QString m_password; //!< only until the first sign-in answers; never stored
    QString m_invite; //!< for auth.register on a server that takes accounts by invitation
    QString m_token;
    bool m_mustChangePassword = false;
    bool m_catchUpHeld = false;
    bool m_catchUpWaiting = false; //!< signed in while held: startSync() when released
    //! The close code of the last connection the server ended (4001 signed out, 4003 disabled).
    int m_lastCloseCode = 1000;
    QStringList m_features;
    QString m_registration;
    QString m_clientName;
    User m_user;
    bool m_autoReconnect = false;

    qint64 m_nextId = 1;
    QHash<qint64, Pending> m_pending;
    QTimer m_timeoutTimer;
    std::chrono::milliseconds m_defaultTimeout {15000};

    qint64 m_helloHead = -1;
    qint64 m_lastSeq = -1;
    QList<ServerFrame> m_buffered; //!< live events that arrived during a sync
    bool m_syncing = false;
    int m_tooOldInARow = 0;
    bool m_reconnectAtOnce = false; //!< the next drop is ours: reconnect without backoff

    Backoff m_backoff;
    QTimer m_reconnectTimer;
    QTimer m_connectTimer; //!< the socket opened but the upgrade has not been answered yet
    QElapsedTimer m_waitClock;
    qint64 m_waitMs = 0;
    QString m_lastError;
    QString m_attemptError; //!< why this attempt ended, when it said (a step timed out)

    std::chrono::milliseconds m_keepAlive {20000};
    QElapsedTimer m_lastReceived;
    QTimer m_keepAliveTimer;
    bool m_pingOutstanding = false;
};

} // namespace Hubbub::Client
