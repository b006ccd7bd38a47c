"""The class's PostgreSQL store: what can go wrong reaching it."""

WORDS = {
    "pg.server_said": ("PostgreSQL 저장소 {url}: {said}", "the PostgreSQL store {url}: {said}"),
    "pg.not_allowed": ("PostgreSQL 저장소 {url}: {said} (이 계정에는 허용되지 않는 일입니다)",
                       "the PostgreSQL store {url}: {said} (this role may not do that)"),
    "pg.needs_psycopg": ("postgresql:// 저장소에는 psycopg가 필요합니다: "
                         "pip install 'studytui[postgresql]'",
                         "a postgresql:// store needs psycopg: "
                         "pip install 'studytui[postgresql]'"),
    "pg.not_set_up": ("{url}: studytui용으로 준비되지 않았습니다(스키마 v{known} 중 v{version}). "
                      "강사가 데이터베이스 관리자 계정으로 `studytui --db URL class init`을 "
                      "실행해야 합니다",
                      "{url} is not set up for studytui (schema v{version} of v{known}): the "
                      "instructor runs `studytui --db URL class init` as the database's "
                      "administrator"),
    "pg.newer": ("PostgreSQL 저장소({url})의 스키마는 v{version}으로, 이 studytui가 아는 것"
                 "(v{known})보다 새롭습니다. studytui를 업데이트하세요",
                 "the PostgreSQL store {url} has schema v{version}, newer than this studytui "
                 "knows (v{known}): upgrade studytui"),
}
