#pragma once

#include "types.h"

#include <QHash>
#include <QtGlobal>

#include <map>

namespace Hubbub::Client {

class ChannelModel;
class ChatModel;
class FeedModel;
class PeopleModel;

//! The unread counts as they stood after the event `seq`: what the app keeps between runs, so
//! that a restart neither forgets them nor misses what arrived while it was closed.
struct UnreadState
{
    qint64 seq = -1; //!< -1: nothing known (never ran, or signed out)
    int feed = 0;
    QHash<qint64, int> channels; //!< channel id → count; channels with none are left out
};

//! What the parts of a Session share: who is signed in and the models they keep current.
//! Session owns it and the models; the parts hold a reference.
struct SessionState
{
    User user;
    FeedModel *feed = nullptr;
    ChannelModel *channels = nullptr;
    PeopleModel *people = nullptr;
    std::map<qint64, ChatModel *> chats; //!< the channels opened so far

    //! The model of a channel opened so far; nullptr for one never opened.
    ChatModel *openChat(qint64 channelId) const
    {
        const auto it = chats.find(channelId);
        return it == chats.end() ? nullptr : it->second;
    }
};

} // namespace Hubbub::Client
