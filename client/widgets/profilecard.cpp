#include "profilecard.h"

#include "avatar.h"
#include "connection.h"
#include "peoplemodel.h"
#include "session.h"

#include <QBoxLayout>
#include <QGuiApplication>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScreen>

namespace Hubbub::Client {

ProfileCard::ProfileCard(Session *session, const User &user, QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_session(session)
    , m_avatar(new Avatar(session->images(), fontMetrics().height() * 4, this))
    , m_name(new QLabel(this))
    , m_username(new QLabel(this))
    , m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("profileCard"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    m_name->setObjectName(QStringLiteral("profileName"));
    m_username->setObjectName(QStringLiteral("profileUsername"));
    m_state->setObjectName(QStringLiteral("profileState"));
    QFont big = m_name->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_username->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_username->setForegroundRole(QPalette::PlaceholderText);
    m_state->setForegroundRole(QPalette::PlaceholderText);

    auto *text = new QVBoxLayout;
    text->setSpacing(fontMetrics().height() / 6);
    text->addWidget(m_name);
    text->addWidget(m_username);
    text->addWidget(m_state);
    text->addStretch(1);
    auto *top = new QHBoxLayout;
    top->setSpacing(fontMetrics().height());
    top->addWidget(m_avatar, 0, Qt::AlignTop);
    top->addLayout(text, 1);
    auto *column = new QVBoxLayout(this);
    const int pad = fontMetrics().height();
    column->setContentsMargins(pad, pad, pad, pad);
    column->addLayout(top);
    if (user.id != session->user().id) {
        m_message = new QPushButton(tr("Message"), this);
        m_message->setObjectName(QStringLiteral("messageButton"));
        column->addWidget(m_message, 0, Qt::AlignRight);
        connect(m_message, &QPushButton::clicked, this, [this] {
            Q_EMIT messageRequested(m_user.id);
            close();
        });
    } else {
        m_edit = new QPushButton(tr("Edit profile…"), this);
        m_edit->setObjectName(QStringLiteral("editProfileButton"));
        column->addWidget(m_edit, 0, Qt::AlignRight);
        connect(m_edit, &QPushButton::clicked, this, [this] {
            Q_EMIT editRequested();
            close();
        });
    }
    setUser(user);

    // Live: a new name or picture, and coming online or going offline, show while it is open.
    connect(session->connection(), &Connection::eventReceived, this,
        [this](qint64, EventType type, const QJsonObject &frame) {
            if (type != EventType::UserUpdated && type != EventType::UserRenamed)
                return;
            const User changed = User::fromJson(frame.value(QStringLiteral("user")).toObject());
            if (changed.id == m_user.id)
                setUser(changed);
        });
    PeopleModel *people = session->people();
    for (auto signal : {&PeopleModel::rowsInserted, &PeopleModel::rowsRemoved})
        connect(people, signal, this, &ProfileCard::updateState);
    connect(people, &PeopleModel::modelReset, this, &ProfileCard::updateState);
}

void ProfileCard::setUser(const User &user)
{
    m_user = user;
    m_avatar->setUser(user);
    m_name->setText(user.shownName());
    m_username->setText(QLatin1Char('@') + user.username);
    updateState();
    adjustSize();
}

void ProfileCard::updateState()
{
    const QString role = m_user.isAdmin() ? tr("Administrator") : tr("Member");
    const PeopleModel *people = m_session->people();
    // Offline, nobody's presence is known: say only the role rather than "offline" for all.
    const QString presence = !people->isKnown() ? QString()
        : people->isOnline(m_user.id)           ? tr("Online")
                                                : tr("Offline");
    m_state->setText(presence.isEmpty() ? role : role + QStringLiteral(" · ") + presence);
}

void ProfileCard::popup(const QPoint &globalPos)
{
    adjustSize();
    QPoint at = globalPos;
    if (const QScreen *screen = QGuiApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        at.setX(qBound(area.left(), at.x(), area.right() - width()));
        at.setY(qBound(area.top(), at.y(), area.bottom() - height()));
    }
    move(at);
    show();
}

} // namespace Hubbub::Client
