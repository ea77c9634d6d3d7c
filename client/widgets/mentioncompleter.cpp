#include "mentioncompleter.h"

#include "mentions.h"
#include "peoplemodel.h"
#include "session.h"
#include "validation.h"

#include <QKeyEvent>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollBar>

#include <algorithm>

namespace Hubbub::Client {

QStringList peopleNames(Session *session)
{
    QStringList names;
    if (!session)
        return names;
    // Everyone with an account: a mention is most useful for someone who is away.
    if (const PeopleModel *people = session->people())
        names = people->everyonesNames();
    return names;
}

MentionCompleter::MentionCompleter(QPlainTextEdit *edit, std::function<QStringList()> names)
    : QObject(edit)
    , m_edit(edit)
    , m_names(std::move(names))
    , m_popup(new QListWidget(edit))
{
    // A tool window: shown over the box without taking the focus from it.
    m_popup->setWindowFlags(Qt::ToolTip | Qt::FramelessWindowHint);
    m_popup->setAttribute(Qt::WA_ShowWithoutActivating);
    m_popup->setFocusPolicy(Qt::NoFocus);
    m_popup->setUniformItemSizes(true);
    m_popup->setAccessibleName(tr("Mention someone"));
    m_popup->hide();
    edit->installEventFilter(this);
    connect(edit, &QPlainTextEdit::textChanged, this, &MentionCompleter::update);
    connect(edit, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::update);
    connect(m_popup, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        m_popup->setCurrentItem(item);
        accept();
    });
}

bool MentionCompleter::isOpen() const
{
    return m_popup->isVisible();
}

void MentionCompleter::update()
{
    const QString text = m_edit->toPlainText();
    const qsizetype cursor = m_edit->textCursor().position();
    // Back from the cursor over name characters to an `@` that starts a token.
    qsizetype start = cursor;
    while (start > 0 && Mentions::isNameChar(text.at(start - 1).unicode()))
        --start;
    const bool token = start > 0 && text.at(start - 1) == u'@'
        && (start == 1 || !Mentions::isNameChar(text.at(start - 2).unicode())) && cursor > start;
    if (!token) {
        m_dismissedAt = -1;
        return close();
    }
    m_tokenStart = start - 1;
    if (m_tokenStart == m_dismissedAt)
        return close();
    const QString typed = Validation::usernameKey(text.mid(start, cursor - start));
    QStringList matches;
    for (const QString &name : m_names()) {
        if (Validation::usernameKey(name).startsWith(typed) && !matches.contains(name))
            matches.append(name);
    }
    std::sort(matches.begin(), matches.end(),
        [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    if (matches.isEmpty())
        return close();
    matches = matches.mid(0, MaxShown);
    m_popup->clear();
    m_popup->addItems(matches);
    m_popup->setCurrentRow(0);
    const int rowHeight = m_popup->sizeHintForRow(0);
    const int width = std::max(m_popup->sizeHintForColumn(0) + 24, 160);
    m_popup->resize(width, rowHeight * int(matches.size()) + 2 * m_popup->frameWidth());
    // Below the `@`, in screen coordinates (the list is a window of its own).
    QTextCursor at = m_edit->textCursor();
    at.setPosition(int(m_tokenStart));
    const QRect rect = m_edit->cursorRect(at);
    m_popup->move(m_edit->viewport()->mapToGlobal(rect.bottomLeft()));
    m_popup->show();
    m_popup->raise();
}

void MentionCompleter::accept()
{
    const QListWidgetItem *item = m_popup->currentItem();
    if (!item || m_tokenStart < 0)
        return close();
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(int(m_tokenStart), QTextCursor::KeepAnchor);
    const QString name = item->text();
    close();
    cursor.insertText(QLatin1Char('@') + name + QLatin1Char(' '));
    m_edit->setTextCursor(cursor);
    close();
}

void MentionCompleter::close()
{
    m_popup->hide();
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress && isOpen()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const int row = m_popup->currentRow();
        switch (key->key()) {
        case Qt::Key_Down:
            m_popup->setCurrentRow((row + 1) % m_popup->count());
            return true;
        case Qt::Key_Up:
            m_popup->setCurrentRow((row + m_popup->count() - 1) % m_popup->count());
            return true;
        case Qt::Key_Tab:
        case Qt::Key_Return:
        case Qt::Key_Enter:
            accept();
            return true;
        case Qt::Key_Escape:
            m_dismissedAt = m_tokenStart;
            close();
            return true;
        default:
            break;
        }
    }
    if (watched == m_edit && event->type() == QEvent::FocusOut)
        close();
    return QObject::eventFilter(watched, event);
}

} // namespace Hubbub::Client
