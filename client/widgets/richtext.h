#pragma once

#include <QCache>
#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>
#include <QTextDocument>
#include <QUrl>

#include <memory>

class QPainter;

namespace Hubbub::Client {

//! A Markdown document that never loads a resource: an image in a message names a URL that is
//! not fetched (no remote image, no local file), the renderer shows its text instead.
class SafeDocument final : public QTextDocument
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SafeDocument)
public:
    using QTextDocument::QTextDocument;
    //! How many times layout or painting asked for a resource (tests: stays 0 after images
    //! were replaced).
    int resourceRequests() const { return m_requests; }

protected:
    QVariant loadResource(int type, const QUrl &name) override;

private:
    int m_requests = 0;
};

//! Markdown rendering for chat messages and posts (docs/protocol.md "Rich text"): CommonMark
//! with GitHub's strikethrough and autolinks through QTextDocument::setMarkdown, no HTML, no
//! images, mention links styled as mentions, and an optional marker ("(edited)") at the end.
//! Laid-out documents are cached by everything that decides them, so painting a row again
//! costs a hash look-up.
class RichText final
{
public:
    //! What besides the source decides a document.
    struct Style
    {
        QFont font;
        QPalette palette;
        QColor text; //!< the body colour (pending rows are lighter)
        bool strikeOut = false; //!< a row being deleted
        qint64 selfId = 0; //!< mentions of this user are stronger
        QString marker; //!< appended after the text, small and grey; empty for none
        bool markerIsLink = false; //!< the marker is clickable (anchor markerHref())
        Qt::LayoutDirection direction = Qt::LeftToRight;
    };

    RichText();
    //! The laid-out document for `markdown` at `width`; owned by the cache, valid until the
    //! next call.
    SafeDocument *document(const QString &markdown, int width, const Style &style);
    //! Builds one without the cache (tests, dialogs).
    static std::unique_ptr<SafeDocument> build(
        const QString &markdown, int width, const Style &style);
    //! Draws a document with its top left at `at`.
    static void draw(
        QPainter *painter, QTextDocument *document, const QPointF &at, const QColor &text);
    //! The link under `pos` (document coordinates): a URL, a mention or the marker.
    static QString anchorAt(QTextDocument *document, const QPointF &pos);
    //! The marker's anchor.
    static QString markerHref();
    //! Whether a link may be opened in the system browser: http, https and mailto only.
    static bool isOpenable(const QUrl &url);

    int cachedCount() const { return int(m_cache.count()); }

private:
    QCache<QString, SafeDocument> m_cache;
};

} // namespace Hubbub::Client
