"""Browse's state column: a card's state in a word, or why it is out of every
queue (the card's record beside the list says the rest)."""

WORDS = {
    "browse.col.state": ("상태", "State"),
    "browse.state.new": ("새 카드", "new"),
    "browse.state.learning": ("학습 중", "learning"),
    "browse.state.review": ("복습", "review"),
    "browse.state.relearning": ("재학습", "relearning"),
    "browse.state.suspended": ("중지됨", "suspended"),
    "browse.state.buried": ("내일로 미룸", "buried"),
}
