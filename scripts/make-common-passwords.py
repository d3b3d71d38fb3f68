#!/usr/bin/env python3
"""Writes src/Meterchat/Accounts/common-passwords.txt: the 10,000 passwords a guesser tries first.

Written from well-known common passwords and the patterns people use to stretch them to a length rule
(keyboard walks, digit runs, word + year, word + 123, repeated words). No download: the list is generated
here, deterministic, and reviewed like code. Run it again after changing the seeds.
"""
import itertools, pathlib

COMMON = """123456 password 123456789 12345678 12345 qwerty 1234567 111111 1234567890 123123 abc123 1234 password1 iloveyou
1q2w3e4r 000000 qwerty123 zaq12wsx dragon sunshine princess letmein 654321 monkey 27653 1qaz2wsx 123321 qwertyuiop superman
asdfghjkl trustno1 jordan23 welcome master football baseball shadow michael jennifer hunter ranger buster soccer harley
batman andrew tigger charlie robert thomas hockey killer george sexy andrea starwars klaster 112233 asshole computer
michelle jessica pepper 131313 freedom maggie ginger princess1 joshua cheese amanda summer love ashley nicole chelsea
biteme matthew access yankees 987654321 dallas austin thunder taylor matrix mobilemail mom monitor monitoring montana
moon moscow william daniel hello whatever nothing secret solo falcon internet samsung mustang passw0rd p@ssw0rd p@ssword
admin administrator root toor changeme default guest login qwerty1 q1w2e3r4 q1w2e3r4t5 1q2w3e 1q2w3e4r5t zxcvbnm
asdfgh asdf1234 qazwsx qwer1234 password123 password12 password1234 iloveyou1 football1 baseball1 welcome1 monkey1
dragon1 letmein1 abc12345 abcd1234 aa123456 a123456 123abc 1111111111 0000000000 9876543210 0987654321 1122334455
11223344 123654 159753 147258369 741852963 963852741 123qwe qwe123 1qazxsw2 zaq1xsw2 2wsx3edc xsw21qaz 1qaz2wsx3edc
qwertyuiop123 asdfghjkl1 zxcvbnm123 qweasdzxc qweasd123 michael1 jordan charlie1 superman1 liverpool arsenal chelsea1
manchester barcelona realmadrid juventus pokemon minecraft fortnite roblox starwars1 blink182 metallica slipknot nirvana
eminem snoopy garfield pikachu naruto sasuke goku vegeta hello123 hello1234 helloworld welcome123 welcome2024 lovely
loveme lovelove iloveu iloveyou2 babygirl angel angel1 butterfly flower sunflower rainbow purple orange banana apple
cookie chocolate cherry strawberry pumpkin peanut bubbles sweety sweetheart honey darling forever family friends
friendship happy smile lucky blessed jesus jesus1 christ faith trinity heaven god godisgood hallelujah
qwerty12 qwerty1234 qwertyui qwertyu 1qaz!qaz !qaz2wsx p4ssw0rd pa55word pa$$word passpass password! password!!
letmein123 trustno12 master123 shadow123 dragon123 monkey123 killer123 hunter123 soccer123 hockey123 summer123
winter winter123 spring autumn january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday secret123 secret1 mypassword mypass mysecret private
security securepassword strongpassword newpassword oldpassword temppassword temp123 test test123 test1234 testing
testing123 tester demo demo123 sample user user123 username guest123 admin123 admin1234 administrator1 root123
computer1 internet1 whatever1 nothing1 access14 accessdenied open sesame opensesame letmeinnow
""".split()

WORDS = """password welcome iloveyou sunshine princess football baseball basketball dragon monkey shadow master
superman batman spiderman letmein trustno freedom whatever qwerty michael jennifer jordan hunter ranger buster
soccer hockey charlie thomas robert daniel matthew andrew joshua jessica ashley amanda nicole michelle samantha
elizabeth christopher anthony william richard joseph james john david steven brandon justin tyler austin kevin
jason ryan eric brian adam alexander benjamin nicholas jonathan patrick samuel zachary sarah emily hannah lauren
rachel stephanie melissa rebecca chelsea taylor morgan madison olivia sophia isabella emma abigail natalie
computer internet samsung iphone google facebook twitter instagram youtube linkedin microsoft windows apple
chocolate strawberry butterfly sunflower rainbow paradise heaven angel diamond crystal silver golden treasure
summer winter autumn spring holiday vacation christmas halloween birthday family friends forever together
liverpool arsenal chelsea barcelona manchester madrid juventus bayern yankees cowboys steelers lakers packers
pokemon minecraft fortnite starwars pikachu naruto marvel avengers ironman captain hulk thor wolverine
mustang ferrari porsche corvette harley yamaha kawasaki mercedes chevrolet toyota
london paris berlin moscow newyork chicago dallas boston california florida texas america canada australia
letmein admin secret master access login changeme default guest money dollars bitcoin crypto meterchat
blessed faithful godisgood jesuschrist loveyou mylove sweetheart babygirl princesa tequiero
qwertyuiop asdfghjkl zxcvbnm qazwsx wsxedc iloveu teamo""".split()

SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "!", "1!", "123!", "01", "11", "69", "7", "77", "88", "99", "00",
            "007", "2000", "2001", "2010", "2012", "2015", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026",
            "1990", "1991", "1992", "1993", "1994", "1995", "1996", "1997", "1998", "1999", "1985", "1986", "1987", "1988", "1989",
            "@123", "#1", "$$", "!!", "..", "321", "4321", "1212", "2468", "13579"]

def walks():
    rows = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm", "0987654321", "poiuytrewq", "lkjhgfdsa", "mnbvcxz"]
    for row in rows:
        for n in range(6, len(row) + 1):
            yield row[:n]
    for a, b in itertools.product(["1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "zaq1", "xsw2", "cde3", "vfr4"], repeat=2):
        yield a + b
    for n in range(4, 13):
        for d in "0123456789":
            yield d * n
        yield ("12" * 8)[:n]
        yield ("123" * 6)[:n]
        yield ("abc" * 6)[:n]
    for c in "abcdefghijklmnopqrstuvwxyz":
        yield c * 10
        yield c * 12

def build():
    seen, out = set(), []
    def add(p):
        p = p.lower()
        if p not in seen and 4 <= len(p) <= 64:
            seen.add(p)
            out.append(p)
    for p in COMMON:
        add(p)
    for p in walks():
        add(p)
    for w in WORDS:
        add(w); add(w + w); add(w.replace("a", "@").replace("o", "0").replace("e", "3").replace("s", "$"))
    for suffix in SUFFIXES:
        for w in WORDS + COMMON[:120]:
            add(w + suffix)
    for a, b in itertools.product(["ilove", "my", "love", "the", "big", "super", "mr", "miss"], WORDS):
        add(a + b)
    for w in WORDS:
        for s in ["1234567", "12345678", "123456789", "password", "pass", "2024!", "2025!"]:
            add(w + s)
    return out[:10_000]

if __name__ == "__main__":
    target = pathlib.Path(__file__).resolve().parent.parent / "src/Meterchat/Accounts/common-passwords.txt"
    passwords = build()
    target.write_text("\n".join(passwords) + "\n")
    print(f"{len(passwords)} passwords, {sum(len(p) >= 10 for p in passwords)} of 10+ characters -> {target}")
