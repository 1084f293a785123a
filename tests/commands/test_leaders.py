"""summits leaders: every leader, or one in full, as a table, JSON or CSV."""

import json


def test_leaders_table_lists_every_leader_with_offices_and_counts(run) -> None:  # type: ignore[no-untyped-def]
    result = run("leaders", columns=80)
    assert result.exit_code == 0
    assert [line.rstrip() for line in result.stdout.splitlines()] == [
        "Leader             Offices                                       Meetings  Calls",
        "─" * 80,
        "George H. W. Bush  Vice President: 1981-01-20 to 1989-01-20             1      0",
        "bush-hw            President: 1989-01-20 to 1993-01-20",
        "United States",
        "George W. Bush     President: 2001-01-20 to 2009-01-20                  2      0",
        "bush-gw",
        "United States",
        "Ronald Reagan      President: 1981-01-20 to 1989-01-20                  2      0",
        "reagan",
        "United States",
        "Donald Trump       President: 2017-01-20 to 2021-01-20                  2      1",
        "trump              President: since 2025-01-20",
        "United States",
        "",
        "Mikhail Gorbachev  General Secretary of the Communist Party:            2      0",
        "gorbachev          1985-03-11 to 1991-08-24",
        "Soviet Union       President: 1990-03-15 to 1991-12-25",
        "Vladimir Putin     President: 2000-05-07 to 2008-05-07                  4      1",
        "putin              Prime Minister: 2008-05-08 to 2012-05-07",
        "Russia             President: since 2012-05-07",
    ]


def test_leaders_json_has_offices_and_counts(run) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(run("leaders", "--format", "json").stdout)
    assert [x["id"] for x in data] == ["bush-hw", "bush-gw", "reagan", "trump", "gorbachev", "putin"]
    assert data[3] == {
        "id": "trump",
        "name": "Donald Trump",
        "country": "United States",
        "aliases": [],
        "offices": [
            {"title": "President", "country": "United States", "start": "2017-01-20", "end": "2021-01-20"},
            {"title": "President", "country": "United States", "start": "2025-01-20", "end": None},
        ],
        "meeting_count": 2,
        "call_count": 1,
    }


def test_leaders_csv(run) -> None:  # type: ignore[no-untyped-def]
    lines = run("leaders", "--format", "csv").stdout.splitlines()
    assert lines[0] == "id,name,country,aliases,offices,meeting_count,call_count"
    assert lines[1] == (
        "bush-hw,George H. W. Bush,United States,Bush Sr.,"
        "Vice President: 1981-01-20 to 1989-01-20; President: 1989-01-20 to 1993-01-20,1,0"
    )
    assert len(lines) == 7


def test_a_shared_surname_shows_each_leader(run) -> None:  # type: ignore[no-untyped-def]
    result = run("leaders", "Bush", "--format", "json")
    assert result.exit_code == 0
    first, second = json.loads(result.stdout)
    assert (first["id"], second["id"]) == ("bush-hw", "bush-gw")
    assert first["counterparts"] == [
        {"id": "gorbachev", "name": "Mikhail Gorbachev", "meeting_count": 1, "call_count": 0}
    ]
    assert [m["id"] for m in second["meetings"]] == ["ljubljana-2001", "bratislava-2005"]
    assert second["tallies"] == [
        {
            "leaders": ["bush-gw", "putin"],
            "start": "2001-01-20",
            "end": "2009-01-20",
            "in_person": True,
            "reported": 3,
            "listed": 2,
            "source": "news-one",
            "note": "met three times",
        }
    ]


def test_leader_profile_table(run) -> None:  # type: ignore[no-untyped-def]
    result = run("leaders", "bush-gw", columns=80)
    assert result.exit_code == 0
    lines = [line.rstrip() for line in result.stdout.splitlines() if line.strip()]
    assert lines[:4] == [
        "George W. Bush  bush-gw  United States",
        "Offices   President: 2001-01-20 to 2009-01-20",
        "Meetings  2 meetings, 0 phone/video calls",
        "Counterparts",
    ]
    assert lines[6].split() == ["Vladimir", "Putin", "putin", "2", "0"]
    assert lines[-6:] == [
        "Totals reported by sources",
        "  With            Period            Reported  Listed  Check             Source",
        "  " + "─" * 78,
        "  Vladimir Putin  in person,               3       2  1 not found with  news-one",
        "                  2001-01-20 to                       a source",
        "                  2009-01-20",
    ]
    assert "ljubljana-2001" in result.stdout and "bratislava-2005" in result.stdout
    assert result.stderr == ""


def test_calls_are_left_out_of_the_meetings_unless_asked(run) -> None:  # type: ignore[no-untyped-def]
    result = run("leaders", "Trump", "--format", "json")
    assert [m["id"] for m in json.loads(result.stdout)[0]["meetings"]] == ["hamburg-2017", "helsinki-2018"]
    assert result.stderr == "note: 1 phone/video call is not listed; add --calls to include them.\n"
    result = run("leaders", "Trump", "--calls", "--format", "csv")
    assert [line.split(",")[:2] for line in result.stdout.splitlines()] == [
        ["leader", "id"],
        ["trump", "hamburg-2017"],
        ["trump", "helsinki-2018"],
        ["trump", "trump-putin-call-2025-02"],
    ]
    assert result.stderr == ""


def test_an_unknown_leader_suggests_the_closest(run) -> None:  # type: ignore[no-untyped-def]
    result = run("leaders", "Gorbachov")
    assert result.exit_code == 2
    assert result.stderr == "summits: error: unknown leader 'Gorbachov'. Did you mean Mikhail Gorbachev?\n"


def test_leaders_on_the_shipped_dataset(run) -> None:  # type: ignore[no-untyped-def]
    result = run("leaders", data=None)
    assert result.exit_code == 0
    assert "Vladimir Putin" in result.stdout
    [putin] = json.loads(run("leaders", "Putin", "--format", "json", data=None).stdout)
    assert {"reported": 28, "leaders": ["bush-gw", "putin"]}.items() <= putin["tallies"][0].items()
