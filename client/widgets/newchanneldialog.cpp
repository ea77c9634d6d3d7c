#include "newchanneldialog.h"

#include "charwidth.h"
#include "protocollimits.h"
#include "reply.h"
#include "session.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <algorithm>

namespace Hubbub::Client {

NewChannelDialog::NewChannelDialog(Session *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_name(new QLineEdit(this))
    , m_topic(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("newChannelDialog"));
    setWindowTitle(tr("New channel"));
    m_name->setObjectName(QStringLiteral("channelNameEdit"));
    m_name->setMaxLength(Limits::ChannelNameMax);
    m_name->setPlaceholderText(tr("e.g. general"));
    m_topic->setObjectName(QStringLiteral("channelTopicEdit"));
    m_topic->setMaxLength(Limits::ChannelTopicMax);
    m_topic->setPlaceholderText(tr("What is it about? (optional)"));
    m_error->setObjectName(QStringLiteral("channelError"));
    m_error->setWordWrap(true);
    m_error->hide();
    createButton()->setText(tr("Create"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Topic:"), m_topic);
    form->addRow(m_error);
    form->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewChannelDialog::submit);

    // A QLineEdit's size hint is 17 'x' whatever its placeholder: in German the topic's hint
    // was cut at half. Room for the longer placeholder, and for a name of some length.
    const QFontMetrics metrics = m_topic->fontMetrics();
    const int em = charWidth(metrics);
    const int text = std::max({metrics.horizontalAdvance(m_name->placeholderText()),
        metrics.horizontalAdvance(m_topic->placeholderText()), em * 40});
    // The frame and text margins of a line edit are about two characters.
    for (QLineEdit *edit : {m_name, m_topic})
        edit->setMinimumWidth(text + em * 3);
    // The window manager cuts the title ("New channel — Hubbub": Qt adds the app's name) to
    // what its icon and buttons leave of the title bar; the dialog is at least that wide.
    QFont titleFont = font();
    titleFont.setBold(true);
    const QFontMetrics titleMetrics(titleFont);
    const QString title
        = windowTitle() + QStringLiteral(" — ") + QGuiApplication::applicationDisplayName();
    setMinimumWidth(titleMetrics.horizontalAdvance(title) + titleMetrics.height() * 6);
    resize(sizeHint().expandedTo(minimumSize()));
}

QPushButton *NewChannelDialog::createButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

void NewChannelDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
    // The form grows with the message rather than squeezing the fields.
    resize(width(), std::max(height(), sizeHint().height()));
}

void NewChannelDialog::submit()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        showError(tr("A channel needs a name."));
        m_name->setFocus();
        return;
    }
    m_buttons->setEnabled(false);
    // The dialog is the context: closed meanwhile, the answer is dropped.
    m_session->createChannel(name, m_topic->text().trimmed(), this, [this](const Reply &reply) {
        m_buttons->setEnabled(true);
        if (!reply.ok()) {
            showError(reply.error().message);
            return;
        }
        m_channelId = reply.result()
                          .value(QStringLiteral("channel"))
                          .toObject()
                          .value(QStringLiteral("id"))
                          .toInteger();
        accept();
    });
}

} // namespace Hubbub::Client
