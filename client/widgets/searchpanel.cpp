#include "searchpanel.h"

#include "channelmodel.h"
#include "searchdelegate.h"
#include "searchmodel.h"
#include "session.h"

#include <QAction>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QVBoxLayout>

namespace Hubbub::Client {

namespace {

// Long enough not to search for every letter typed, short enough to feel immediate.
constexpr int DebounceMs = 250;

} // namespace

SearchPanel::SearchPanel(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_field(new QLineEdit)
    , m_status(new QLabel(this))
    , m_list(new QListView(this))
    , m_model(new SearchModel(session->connection(), this))
    , m_delegate(new SearchDelegate(
          [session](qint64 channelId) {
              ChannelModel *channels = session->channels();
              const int row = channels->rowOf(channelId);
              return row >= 0 ? channels->channelAt(row).name : QString();
          },
          this))
{
    setObjectName(QStringLiteral("searchPanel"));
    m_field->setParent(this); // the window puts it in its own layout
    m_field->setObjectName(QStringLiteral("searchField"));
    m_field->setPlaceholderText(tr("Search messages and posts (Ctrl+K)"));
    m_field->setClearButtonEnabled(true);
    if (const QIcon find = QIcon::fromTheme(QStringLiteral("edit-find")); !find.isNull())
        m_field->addAction(find, QLineEdit::LeadingPosition);
    m_field->installEventFilter(this);

    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setWordWrap(true);
    m_status->setContentsMargins(8, 6, 8, 6);
    m_list->setObjectName(QStringLiteral("searchResults"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setUniformItemSizes(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->installEventFilter(this);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SearchPanel::runSearch);
    connect(m_field, &QLineEdit::textChanged, this, &SearchPanel::onTextEdited);
    connect(m_field, &QLineEdit::returnPressed, this, [this] {
        // Enter before the pause ran the search: run it now; otherwise open a result.
        if (m_debounce.isActive() || m_model->query() != m_field->text().trimmed()) {
            m_debounce.stop();
            runSearch();
            return;
        }
        const QModelIndex current = m_list->currentIndex();
        open(current.isValid() ? current : m_model->index(0, 0));
    });
    connect(m_list, &QListView::activated, this, &SearchPanel::open);
    connect(m_list, &QListView::doubleClicked, this, &SearchPanel::open);
    connect(m_model, &SearchModel::stateChanged, this, &SearchPanel::updateStatus);
    connect(m_model, &SearchModel::rowsInserted, this, &SearchPanel::updateStatus);
    // QListView asks the model for more only on layout: ask again at the end of the scroll.
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_list->verticalScrollBar()->maximum() && m_model->canFetchMore({}))
            m_model->fetchMore({});
    });
    updateStatus();
}

SearchPanel::~SearchPanel() = default;

void SearchPanel::focusField()
{
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
    if (!m_field->text().trimmed().isEmpty())
        Q_EMIT searchStarted();
}

void SearchPanel::onTextEdited()
{
    if (m_field->text().trimmed().isEmpty()) {
        m_debounce.stop();
        m_model->setQuery(QString());
        Q_EMIT searchClosed();
        return;
    }
    m_debounce.start();
}

void SearchPanel::runSearch()
{
    m_model->setQuery(m_field->text());
    if (!m_model->query().isEmpty())
        Q_EMIT searchStarted();
}

void SearchPanel::updateStatus()
{
    m_status->setText(statusText());
    if (m_model->rowCount() > 0 && !m_list->currentIndex().isValid())
        m_list->setCurrentIndex(m_model->index(0, 0));
}

QString SearchPanel::statusText() const
{
    switch (m_model->state()) {
    case SearchModel::State::Idle:
        return tr("Type to search messages and posts.");
    case SearchModel::State::Loading:
        return m_model->rowCount() == 0 ? tr("Searching…") : QString();
    case SearchModel::State::Failed:
        return m_model->errorText();
    case SearchModel::State::Done:
        break;
    }
    if (m_model->rowCount() == 0)
        return tr("Nothing found for “%1”.").arg(m_model->query());
    return m_model->hasMore() ? tr("Newest first; more load as you scroll.")
                              : tr("%n result(s), newest first.", nullptr, m_model->rowCount());
}

void SearchPanel::open(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 id = index.data(SearchModel::IdRole).toLongLong();
    if (index.data(SearchModel::KindRole).value<SearchModel::Kind>() == SearchModel::Kind::Post)
        Q_EMIT openPost(id);
    else
        Q_EMIT openMessage(index.data(SearchModel::ChannelIdRole).toLongLong(), id);
}

bool SearchPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_field) {
        if (key->key() == Qt::Key_Escape) {
            m_field->clear();
            return true;
        }
        // Up and Down walk the results without leaving the field.
        if ((key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) && m_model->rowCount() > 0) {
            const int row = m_list->currentIndex().row() + (key->key() == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_model->rowCount())
                m_list->setCurrentIndex(m_model->index(row, 0));
            return true;
        }
    } else if (watched == m_list && key->key() == Qt::Key_Escape) {
        focusField();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Hubbub::Client
