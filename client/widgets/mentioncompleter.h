#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QListWidget;
class QPlainTextEdit;

namespace Hubbub::Client {

class Session;

//! The usernames of the people list (everyone the session knows of), for completion.
QStringList peopleNames(Session *session);

//! Completes `@name` in a text box: typing `@` and a letter or more pops a list of the known
//! usernames starting so (case and normal form ignored); Up/Down choose, Tab or Enter puts
//! "@name " in place of what was typed, Esc closes. The list never takes the focus, so typing
//! goes on in the box.
class MentionCompleter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MentionCompleter)
public:
    //! Works on `edit` (and is its child); `names` gives the usernames to offer, asked afresh
    //! each time the list opens (people list, authors seen).
    MentionCompleter(QPlainTextEdit *edit, std::function<QStringList()> names);

    //! At most this many names are shown.
    static constexpr int MaxShown = 8;
    QListWidget *popup() const { return m_popup; }
    bool isOpen() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();
    void accept();
    void close();

    QPlainTextEdit *m_edit;
    std::function<QStringList()> m_names;
    QListWidget *m_popup;
    qsizetype m_tokenStart = -1; //!< where the `@` being completed is
    qsizetype m_dismissedAt = -1; //!< the token Esc closed the list for
};

} // namespace Hubbub::Client
