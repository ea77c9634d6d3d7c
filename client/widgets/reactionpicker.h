#pragma once

#include <QFrame>

class QLineEdit;
class QToolButton;

namespace Hubbub::Client {

//! A small popup to pick a reaction: common emoji as buttons, and a field for any other
//! (Enter takes it). Emits picked() once and closes.
class ReactionPicker final : public QFrame
{
    Q_OBJECT
public:
    explicit ReactionPicker(QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ReactionPicker)

    //! The emoji offered as buttons, in order.
    static QStringList commonEmoji();
    QList<QToolButton *> buttons() const { return m_buttons; }
    QLineEdit *customField() const { return m_custom; }

Q_SIGNALS:
    void picked(const QString &emoji);

private:
    void pick(const QString &emoji);

    QList<QToolButton *> m_buttons;
    QLineEdit *m_custom;
    bool m_done = false;
};

} // namespace Hubbub::Client
