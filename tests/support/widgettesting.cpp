#include "widgettesting.h"

#include "feedview.h"
#include "sidebar.h"
#include "signindialog.h"

#include <QDialog>
#include <QListView>
#include <QMenu>
#include <QTest>
#include <QTimer>

#include <memory>

namespace Hubbub::Test {

void closeDialogsAndMenus()
{
    const QWidgetList widgets = QApplication::topLevelWidgets();
    for (QWidget *widget : widgets) {
        if (widget->isVisible()
            && (qobject_cast<QDialog *>(widget) || qobject_cast<QMenu *>(widget))
            && !qobject_cast<Client::SignInDialog *>(widget)) {
            widget->close();
        }
    }
}

void onNextModal(std::function<void(QDialog *)> act)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    auto attempts = std::make_shared<int>(0);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, attempts, act] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (dialog && dialog->isVisible()) {
            timer->deleteLater();
            act(dialog);
        } else if (++*attempts > 1000) {
            timer->deleteLater();
            if (dialog)
                dialog->reject();
        }
    });
    timer->start();
}

bool activateWindow(QWidget *window)
{
    window->activateWindow();
    return QTest::qWaitFor([window] { return QApplication::activeWindow() == window; }, 5000);
}

bool clickCardAction(Client::FeedView *view, int row, Client::PostDelegate::Action action)
{
    QListView *list = view->listView();
    list->scrollTo(list->model()->index(row, 0), QAbstractItemView::PositionAtTop);
    const QRect rect = view->actionRect(row, action);
    if (rect.isEmpty() || !list->viewport()->rect().contains(rect.center()))
        return false;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    return true;
}

bool clickChannel(Client::Sidebar *sidebar, int row)
{
    QListView *list = sidebar->channelList();
    const QModelIndex index = list->model()->index(row, 0);
    list->scrollTo(index);
    const QRect rect = list->visualRect(index);
    if (!index.isValid() || rect.isEmpty())
        return false;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    return true;
}

} // namespace Hubbub::Test
