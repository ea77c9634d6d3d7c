#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;

namespace Hubbub::Client {

class Session;

//! Rates a post with 1–5 stars (mouse or keyboard) and an optional comment, above the reviews
//! the post already has. The caller sends the review when the dialog is accepted.
class ReviewDialog final : public QDialog
{
    Q_OBJECT
public:
    ReviewDialog(
        Session *session, qint64 postId, const QString &postTitle, QWidget *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ReviewDialog)

    qint64 postId() const { return m_postId; }
    int rating() const { return m_rating; }
    void setRating(int rating);
    QString comment() const;
    //! The star picker (objectName "reviewStars"): arrows, Home/End and 1–5 change the rating.
    QWidget *starPicker() const { return m_stars; }
    QPlainTextEdit *commentEdit() const { return m_comment; }
    QListWidget *reviewList() const { return m_reviews; }
    //! Whether the existing reviews have arrived (or failed to).
    bool reviewsLoaded() const { return m_loaded; }

Q_SIGNALS:
    void ratingChanged(int rating);

private:
    void loadReviews();
    void updateState();

    Session *m_session;
    qint64 m_postId;
    int m_rating = 0;
    bool m_loaded = false;
    QWidget *m_stars;
    QLabel *m_ratingText;
    QPlainTextEdit *m_comment;
    QLabel *m_counter;
    QLabel *m_reviewsStatus;
    QListWidget *m_reviews;
    QDialogButtonBox *m_buttons;
};

} // namespace Hubbub::Client
