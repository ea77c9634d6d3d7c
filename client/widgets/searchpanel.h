#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;

namespace Hubbub::Client {

class SearchDelegate;
class SearchModel;
class Session;

//! Search: a field (placed by the window, focused with Ctrl+K or Ctrl+F) and this page of
//! results, newest first, more loading as the list is scrolled to its end. Enter or a
//! double-click opens a result; Enter in the field opens the selected one (the first if none).
//! Escape in the field clears it and gives the page back.
class SearchPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPanel(Session *session, QWidget *parent = nullptr);
    ~SearchPanel() override;
    Q_DISABLE_COPY_MOVE(SearchPanel)

    QLineEdit *field() const { return m_field; }
    QListView *resultList() const { return m_list; }
    SearchModel *model() const { return m_model; }
    SearchDelegate *delegate() const { return m_delegate; }
    //! What the page says above the list: searching, nothing found, or why it failed.
    QString statusText() const;
    //! Focuses the field with its text selected, ready for a new search.
    void focusField();

Q_SIGNALS:
    //! The field has a search to show: the window shows this page.
    void searchStarted();
    //! The search was cleared (Escape or an empty field): the window shows what it showed.
    void searchClosed();
    void openMessage(qint64 channelId, qint64 messageId);
    void openPost(qint64 postId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onTextEdited();
    void runSearch();
    void updateStatus();
    void open(const QModelIndex &index);

    Session *m_session;
    QLineEdit *m_field;
    QLabel *m_status;
    QListView *m_list;
    SearchModel *m_model;
    SearchDelegate *m_delegate;
    QTimer m_debounce;
};

} // namespace Hubbub::Client
