"""People for tools/gen_entities.py: heads of state and government, foreign ministers,
heads of international organisations, with dated roles.

P(name, en=[...], de=[...], roles) -- `en` adds English forms to `name`; `de` lists the German
forms (None: the same as English). A bare surname is listed only where it is distinctive in
news text and not a common word, first name or another entity's name (checked by
tests/ontology_test.cpp). Dates are ISO; "" as "to" means in office at the last revision of this
file (see docs/entities.md for the cut-off); a role whose date is uncertain is left out.
Role names: see docs/entities.md (head_of_state, head_of_government, foreign_minister,
defence_minister, vice_president, secretary_general, commission_president, ...).
"""

PEOPLE = []


def P(name, en=(), de=None, roles=()):
    en = list(en)
    de = [name] + en if de is None else list(de)
    PEOPLE.append((name, en, de, list(roles)))


def HOS(e, f, t=""):
    return (e, "head_of_state", f, t)


def HOG(e, f, t=""):
    return (e, "head_of_government", f, t)


def FM(e, f, t=""):
    return (e, "foreign_minister", f, t)


def PRES(e, f, t=""):
    """A president who heads both state and government (USA, BRA, MEX, ...)."""
    return [HOS(e, f, t), HOG(e, f, t)]


# ---------------------------------------------------------------- United States
P("Bill Clinton", ["William Jefferson Clinton"], roles=PRES("USA", "1993-01-20", "2001-01-20"))
P("George W. Bush", ["George W Bush", "George Bush", "Bush"],
  roles=PRES("USA", "2001-01-20", "2009-01-20"))
P("Barack Obama", ["Obama", "Barack Hussein Obama"], roles=PRES("USA", "2009-01-20", "2017-01-20"))
P("Donald Trump", ["Trump", "Donald J. Trump", "Donald J Trump"],
  roles=PRES("USA", "2017-01-20", "2021-01-20") + PRES("USA", "2025-01-20"))
P("Joe Biden", ["Biden", "Joseph R. Biden", "Joseph Biden"],
  roles=[("USA", "vice_president", "2009-01-20", "2017-01-20")] +
  PRES("USA", "2021-01-20", "2025-01-20"))
P("Dick Cheney", ["Cheney"], roles=[("USA", "vice_president", "2001-01-20", "2009-01-20")])
P("Mike Pence", ["Pence"], roles=[("USA", "vice_president", "2017-01-20", "2021-01-20")])
P("Kamala Harris", [], roles=[("USA", "vice_president", "2021-01-20", "2025-01-20")])
P("JD Vance", ["J.D. Vance", "J. D. Vance", "Vance"], roles=[("USA", "vice_president", "2025-01-20", "")])
P("Donald Rumsfeld", ["Rumsfeld"], roles=[("USA", "defence_minister", "2001-01-20", "2006-12-18")])
P("Robert Gates", [], roles=[("USA", "defence_minister", "2006-12-18", "2011-07-01")])
P("Leon Panetta", ["Panetta"], roles=[("USA", "defence_minister", "2011-07-01", "2013-02-27")])
P("Chuck Hagel", [], roles=[("USA", "defence_minister", "2013-02-27", "2015-02-17")])
P("Ash Carter", ["Ashton Carter"], roles=[("USA", "defence_minister", "2015-02-17", "2017-01-20")])
P("Jim Mattis", ["James Mattis", "Mattis"], roles=[("USA", "defence_minister", "2017-01-20", "2019-01-01")])
P("Mark Esper", ["Esper"], roles=[("USA", "defence_minister", "2019-07-23", "2020-11-09")])
P("Lloyd Austin", [], roles=[("USA", "defence_minister", "2021-01-22", "2025-01-20")])
P("Pete Hegseth", ["Hegseth"], roles=[("USA", "defence_minister", "2025-01-25", "")])
P("Colin Powell", [], roles=[FM("USA", "2001-01-20", "2005-01-26")])
P("Condoleezza Rice", ["Condoleeza Rice"], roles=[FM("USA", "2005-01-26", "2009-01-20")])
P("Hillary Clinton", ["Hillary Rodham Clinton"], roles=[FM("USA", "2009-01-21", "2013-02-01")])
P("John Kerry", ["Kerry"], roles=[FM("USA", "2013-02-01", "2017-01-20")])
P("Rex Tillerson", ["Tillerson"], roles=[FM("USA", "2017-02-01", "2018-03-31")])
P("Mike Pompeo", ["Pompeo"], roles=[FM("USA", "2018-04-26", "2021-01-20")])
P("Antony Blinken", ["Blinken", "Tony Blinken"], roles=[FM("USA", "2021-01-26", "2025-01-20")])
P("Marco Rubio", ["Rubio"], roles=[FM("USA", "2025-01-21")])

# ---------------------------------------------------------------- Russia
P("Vladimir Putin", ["Putin", "Vladimir Vladimirovich Putin"],
  ["Wladimir Putin", "Putin", "Wladimir Wladimirowitsch Putin"],
  roles=[HOG("RUS", "1999-08-16", "2000-05-07"), HOS("RUS", "1999-12-31", "2008-05-07"),
         HOG("RUS", "2008-05-08", "2012-05-07"), HOS("RUS", "2012-05-07")])
P("Dmitry Medvedev", ["Medvedev", "Dmitri Medvedev"], ["Dmitri Medwedew", "Medwedew"],
  roles=[HOS("RUS", "2008-05-07", "2012-05-07"), HOG("RUS", "2012-05-08", "2020-01-16")])
P("Mikhail Kasyanov", ["Kasyanov"], ["Michail Kasjanow", "Kasjanow"],
  roles=[HOG("RUS", "2000-05-17", "2004-02-24")])
P("Mikhail Fradkov", ["Fradkov"], ["Michail Fradkow", "Fradkow"],
  roles=[HOG("RUS", "2004-03-05", "2007-09-12")])
P("Viktor Zubkov", ["Zubkov"], ["Viktor Subkow", "Wiktor Subkow", "Subkow"],
  roles=[HOG("RUS", "2007-09-14", "2008-05-07")])
P("Mikhail Mishustin", ["Mishustin"], ["Michail Mischustin", "Mischustin"],
  roles=[HOG("RUS", "2020-01-16")])
P("Igor Ivanov", [], ["Igor Iwanow"], roles=[FM("RUS", "1998-09-11", "2004-03-09")])
P("Sergei Lavrov", ["Lavrov", "Sergey Lavrov"], ["Sergej Lawrow", "Lawrow"],
  roles=[FM("RUS", "2004-03-09")])
P("Sergei Shoigu", ["Shoigu", "Sergey Shoigu"], ["Sergej Schoigu", "Schoigu"],
  roles=[("RUS", "defence_minister", "2012-11-06", "2024-05-12")])
P("Andrei Belousov", ["Belousov", "Andrey Belousov"], ["Andrej Beloussow", "Beloussow"],
  roles=[("RUS", "defence_minister", "2024-05-14", "")])
P("Dmitry Peskov", ["Peskov", "Dmitri Peskov"], ["Dmitri Peskow", "Peskow"],
  roles=[("RUS", "spokesperson_presidency", "2012-05", "")])
P("Maria Zakharova", ["Zakharova"], ["Maria Sacharowa", "Sacharowa"],
  roles=[("RUS", "spokesperson_foreign_ministry", "2015-08", "")])

# ---------------------------------------------------------------- Ukraine
P("Leonid Kuchma", ["Kuchma"], ["Leonid Kutschma", "Kutschma"],
  roles=[HOS("UKR", "1994-07-19", "2005-01-23")])
P("Viktor Yushchenko", ["Yushchenko"], ["Viktor Juschtschenko", "Juschtschenko"],
  roles=[HOS("UKR", "2005-01-23", "2010-02-25")])
P("Viktor Yanukovych", ["Yanukovych", "Yanukovich"], ["Viktor Janukowitsch", "Janukowitsch"],
  roles=[HOG("UKR", "2006-08-04", "2007-12-18"), HOS("UKR", "2010-02-25", "2014-02-22")])
P("Oleksandr Turchynov", ["Turchynov"], ["Olexandr Turtschynow", "Turtschynow"],
  roles=[HOS("UKR", "2014-02-23", "2014-06-07")])
P("Petro Poroshenko", ["Poroshenko"], ["Petro Poroschenko", "Poroschenko"],
  roles=[HOS("UKR", "2014-06-07", "2019-05-20")])
P("Volodymyr Zelensky", ["Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelenskyy",
                         "Volodymyr Zelenskiy", "Volodymyr Oleksandrovych Zelensky"],
  ["Wolodymyr Selenskyj", "Selenskyj", "Wolodimir Selenski", "Selenski", "Volodymyr Selenskyj",
   "Wolodymyr Selenski"],
  roles=[HOS("UKR", "2019-05-20")])
P("Yulia Tymoshenko", ["Tymoshenko", "Yulia Timoshenko", "Timoshenko"],
  ["Julia Timoschenko", "Julija Tymoschenko", "Timoschenko", "Tymoschenko"],
  roles=[HOG("UKR", "2005-01-24", "2005-09-08"), HOG("UKR", "2007-12-18", "2010-03-04")])
P("Mykola Azarov", ["Azarov"], ["Mykola Asarow", "Asarow"],
  roles=[HOG("UKR", "2010-03-11", "2014-01-28")])
P("Arseniy Yatsenyuk", ["Yatsenyuk", "Arseny Yatsenyuk"], ["Arsenij Jazenjuk", "Jazenjuk"],
  roles=[HOG("UKR", "2014-02-27", "2016-04-14")])
P("Volodymyr Groysman", ["Groysman", "Hroisman"], ["Wolodymyr Hrojsman", "Hrojsman", "Groisman"],
  roles=[HOG("UKR", "2016-04-14", "2019-08-29")])
P("Oleksiy Honcharuk", ["Honcharuk"], ["Olexij Hontscharuk", "Hontscharuk"],
  roles=[HOG("UKR", "2019-08-29", "2020-03-04")])
P("Denys Shmyhal", ["Shmyhal"], ["Denys Schmyhal", "Schmyhal"],
  roles=[HOG("UKR", "2020-03-04", "2025-07-17")])
P("Yulia Svyrydenko", ["Svyrydenko"], ["Julija Swyrydenko", "Swyrydenko"],
  roles=[HOG("UKR", "2025-07-17")])
P("Pavlo Klimkin", ["Klimkin"], ["Pawlo Klimkin", "Klimkin"],
  roles=[FM("UKR", "2014-06-19", "2019-08-29")])
P("Vadym Prystaiko", ["Prystaiko"], ["Wadym Prystajko", "Prystajko"],
  roles=[FM("UKR", "2019-08-29", "2020-03-04")])
P("Dmytro Kuleba", ["Kuleba"], ["Dmytro Kuleba", "Kuleba"],
  roles=[FM("UKR", "2020-03-04", "2024-09-05")])
P("Andrii Sybiha", ["Sybiha", "Andriy Sybiha"], ["Andrij Sybiha", "Sybiha"],
  roles=[FM("UKR", "2024-09-05")])

# ---------------------------------------------------------------- China
P("Jiang Zemin", [], roles=[HOS("CHN", "1993-03-27", "2003-03-15")])
P("Hu Jintao", [], roles=[HOS("CHN", "2003-03-15", "2013-03-14")])
P("Xi Jinping", ["Xi"], roles=[HOS("CHN", "2013-03-14")])
P("Zhu Rongji", [], roles=[HOG("CHN", "1998-03-17", "2003-03-16")])
P("Wen Jiabao", [], roles=[HOG("CHN", "2003-03-16", "2013-03-15")])
P("Li Keqiang", [], roles=[HOG("CHN", "2013-03-15", "2023-03-11")])
P("Li Qiang", [], roles=[HOG("CHN", "2023-03-11")])
P("Li Zhaoxing", [], roles=[FM("CHN", "2003-03-17", "2007-04-27")])
P("Yang Jiechi", [], roles=[FM("CHN", "2007-04-27", "2013-03-16")])
P("Wang Yi", [], roles=[FM("CHN", "2013-03-16", "2022-12-30"), FM("CHN", "2023-07-25")])
P("Qin Gang", [], roles=[FM("CHN", "2022-12-30", "2023-07-25")])

# ---------------------------------------------------------------- Germany
P("Johannes Rau", [], roles=[HOS("DEU", "1999-07-01", "2004-06-30")])
P("Horst Köhler", ["Horst Koehler"], roles=[HOS("DEU", "2004-07-01", "2010-05-31")])
P("Christian Wulff", ["Wulff"], roles=[HOS("DEU", "2010-06-30", "2012-02-17")])
P("Joachim Gauck", ["Gauck"], roles=[HOS("DEU", "2012-03-18", "2017-03-18")])
P("Frank-Walter Steinmeier", ["Steinmeier", "Frank Walter Steinmeier"],
  roles=[FM("DEU", "2005-11-22", "2009-10-28"), FM("DEU", "2013-12-17", "2017-01-27"),
         HOS("DEU", "2017-03-19")])
P("Gerhard Schröder", ["Gerhard Schroeder"], roles=[HOG("DEU", "1998-10-27", "2005-11-22")])
P("Angela Merkel", ["Merkel"], roles=[HOG("DEU", "2005-11-22", "2021-12-08")])
P("Olaf Scholz", ["Scholz"], roles=[HOG("DEU", "2021-12-08", "2025-05-06")])
P("Friedrich Merz", ["Merz"], roles=[HOG("DEU", "2025-05-06")])
P("Joschka Fischer", [], roles=[FM("DEU", "1998-10-27", "2005-11-22")])
P("Guido Westerwelle", ["Westerwelle"], roles=[FM("DEU", "2009-10-28", "2013-12-17")])
P("Sigmar Gabriel", [], roles=[FM("DEU", "2017-01-27", "2018-03-14")])
P("Heiko Maas", [], roles=[FM("DEU", "2018-03-14", "2021-12-08")])
P("Annalena Baerbock", ["Baerbock"],
  roles=[FM("DEU", "2021-12-08", "2025-05-06"), ("UNGA", "president", "2025-09-09", "")])
P("Johann Wadephul", ["Wadephul"], roles=[FM("DEU", "2025-05-06")])
P("Boris Pistorius", ["Pistorius"], roles=[("DEU", "defence_minister", "2023-01-19", "")])

# ---------------------------------------------------------------- France
P("Jacques Chirac", ["Chirac"], roles=[HOS("FRA", "1995-05-17", "2007-05-16")])
P("Nicolas Sarkozy", ["Sarkozy"], roles=[HOS("FRA", "2007-05-16", "2012-05-15")])
P("François Hollande", ["Francois Hollande", "Hollande"],
  roles=[HOS("FRA", "2012-05-15", "2017-05-14")])
P("Emmanuel Macron", ["Macron"], roles=[HOS("FRA", "2017-05-14")])
P("Lionel Jospin", ["Jospin"], roles=[HOG("FRA", "1997-06-02", "2002-05-06")])
P("Jean-Pierre Raffarin", ["Raffarin"], roles=[HOG("FRA", "2002-05-06", "2005-05-31")])
P("Dominique de Villepin", ["de Villepin", "Villepin"],
  roles=[FM("FRA", "2002-05-07", "2004-03-31"), HOG("FRA", "2005-05-31", "2007-05-17")])
P("François Fillon", ["Francois Fillon", "Fillon"], roles=[HOG("FRA", "2007-05-17", "2012-05-15")])
P("Jean-Marc Ayrault", ["Ayrault"],
  roles=[HOG("FRA", "2012-05-15", "2014-03-31"), FM("FRA", "2016-02-11", "2017-05-17")])
P("Manuel Valls", ["Valls"], roles=[HOG("FRA", "2014-03-31", "2016-12-06")])
P("Bernard Cazeneuve", ["Cazeneuve"], roles=[HOG("FRA", "2016-12-06", "2017-05-15")])
P("Édouard Philippe", ["Edouard Philippe"], roles=[HOG("FRA", "2017-05-15", "2020-07-03")])
P("Jean Castex", ["Castex"], roles=[HOG("FRA", "2020-07-03", "2022-05-16")])
P("Élisabeth Borne", ["Elisabeth Borne"], roles=[HOG("FRA", "2022-05-16", "2024-01-09")])
P("Gabriel Attal", ["Attal"], roles=[HOG("FRA", "2024-01-09", "2024-09-05")])
P("Michel Barnier", ["Barnier"],
  roles=[FM("FRA", "2004-03-31", "2005-06-02"), HOG("FRA", "2024-09-05", "2024-12-13")])
P("François Bayrou", ["Francois Bayrou", "Bayrou"], roles=[HOG("FRA", "2024-12-13", "2025-09-09")])
P("Sébastien Lecornu", ["Sebastien Lecornu", "Lecornu"], roles=[HOG("FRA", "2025-09-09")])
P("Hubert Védrine", ["Hubert Vedrine", "Védrine", "Vedrine"],
  roles=[FM("FRA", "1997-06-04", "2002-05-07")])
P("Philippe Douste-Blazy", ["Douste-Blazy"], roles=[FM("FRA", "2005-06-02", "2007-05-18")])
P("Bernard Kouchner", ["Kouchner"], roles=[FM("FRA", "2007-05-18", "2010-11-14")])
P("Michèle Alliot-Marie", ["Michele Alliot-Marie", "Alliot-Marie"],
  roles=[FM("FRA", "2010-11-14", "2011-02-27")])
P("Alain Juppé", ["Alain Juppe", "Juppé", "Juppe"], roles=[FM("FRA", "2011-02-27", "2012-05-16")])
P("Laurent Fabius", ["Fabius"], roles=[FM("FRA", "2012-05-16", "2016-02-11")])
P("Jean-Yves Le Drian", ["Le Drian"], roles=[FM("FRA", "2017-05-17", "2022-05-20")])
P("Catherine Colonna", [], roles=[FM("FRA", "2022-05-20", "2024-01-11")])
P("Stéphane Séjourné", ["Stephane Sejourne", "Séjourné", "Sejourne"],
  roles=[FM("FRA", "2024-01-11", "2024-09-21")])
P("Jean-Noël Barrot", ["Jean-Noel Barrot", "Barrot"], roles=[FM("FRA", "2024-09-21")])

# ---------------------------------------------------------------- United Kingdom
P("Elizabeth II", ["Queen Elizabeth II", "Queen Elizabeth"],
  ["Elisabeth II.", "Königin Elisabeth II.", "Königin Elisabeth", "Queen Elizabeth II",
   "Queen Elizabeth"],
  roles=[HOS("GBR", "1952-02-06", "2022-09-08")])
P("Charles III", ["King Charles III", "King Charles"],
  ["Charles III.", "König Charles III.", "König Charles", "King Charles"],
  roles=[HOS("GBR", "2022-09-08")])
P("Tony Blair", ["Blair"], roles=[HOG("GBR", "1997-05-02", "2007-06-27")])
P("Gordon Brown", [], roles=[HOG("GBR", "2007-06-27", "2010-05-11")])
P("David Cameron", ["Cameron"],
  roles=[HOG("GBR", "2010-05-11", "2016-07-13"), FM("GBR", "2023-11-13", "2024-07-05")])
P("Theresa May", [], roles=[HOG("GBR", "2016-07-13", "2019-07-24")])
P("Boris Johnson", [],
  roles=[FM("GBR", "2016-07-13", "2018-07-09"), HOG("GBR", "2019-07-24", "2022-09-06")])
P("Liz Truss", [],
  roles=[FM("GBR", "2021-09-15", "2022-09-06"), HOG("GBR", "2022-09-06", "2022-10-25")])
P("Rishi Sunak", ["Sunak"], roles=[HOG("GBR", "2022-10-25", "2024-07-05")])
P("Keir Starmer", ["Starmer", "Sir Keir Starmer"], roles=[HOG("GBR", "2024-07-05")])
P("Robin Cook", [], roles=[FM("GBR", "1997-05-02", "2001-06-08")])
P("Jack Straw", [], roles=[FM("GBR", "2001-06-08", "2006-05-05")])
P("Margaret Beckett", [], roles=[FM("GBR", "2006-05-05", "2007-06-27")])
P("David Miliband", [], roles=[FM("GBR", "2007-06-28", "2010-05-11")])
P("William Hague", [], roles=[FM("GBR", "2010-05-12", "2014-07-14")])
P("Philip Hammond", [], roles=[FM("GBR", "2014-07-15", "2016-07-13")])
P("Jeremy Hunt", [], roles=[FM("GBR", "2018-07-09", "2019-07-24")])
P("Dominic Raab", [], roles=[FM("GBR", "2019-07-24", "2021-09-15")])
P("James Cleverly", [], roles=[FM("GBR", "2022-09-06", "2023-11-13")])
P("David Lammy", ["Lammy"], roles=[FM("GBR", "2024-07-05", "2025-09-05")])
P("Yvette Cooper", [], roles=[FM("GBR", "2025-09-05")])

# ---------------------------------------------------------------- Japan
P("Akihito", ["Emperor Akihito"], ["Akihito", "Kaiser Akihito"],
  roles=[HOS("JPN", "1989-01-07", "2019-04-30")])
P("Naruhito", ["Emperor Naruhito"], ["Naruhito", "Kaiser Naruhito"],
  roles=[HOS("JPN", "2019-05-01")])
P("Junichiro Koizumi", ["Koizumi", "Jun'ichirō Koizumi"], ["Junichiro Koizumi", "Koizumi"],
  roles=[HOG("JPN", "2001-04-26", "2006-09-26")])
P("Shinzo Abe", ["Shinzō Abe"], ["Shinzo Abe", "Shinzō Abe"],
  roles=[HOG("JPN", "2006-09-26", "2007-09-26"), HOG("JPN", "2012-12-26", "2020-09-16")])
P("Yasuo Fukuda", [], roles=[HOG("JPN", "2007-09-26", "2008-09-24")])
P("Taro Aso", ["Tarō Asō"], roles=[HOG("JPN", "2008-09-24", "2009-09-16")])
P("Yukio Hatoyama", ["Hatoyama"], roles=[HOG("JPN", "2009-09-16", "2010-06-08")])
P("Naoto Kan", [], roles=[HOG("JPN", "2010-06-08", "2011-09-02")])
P("Yoshihiko Noda", [], roles=[HOG("JPN", "2011-09-02", "2012-12-26")])
P("Yoshihide Suga", [], roles=[HOG("JPN", "2020-09-16", "2021-10-04")])
P("Fumio Kishida", ["Kishida"],
  roles=[FM("JPN", "2012-12-26", "2017-08-03"), HOG("JPN", "2021-10-04", "2024-10-01")])
P("Shigeru Ishiba", ["Ishiba"], roles=[HOG("JPN", "2024-10-01", "2025-10-21")])
P("Sanae Takaichi", ["Takaichi"], roles=[HOG("JPN", "2025-10-21")])
P("Taro Kono", ["Tarō Kōno"], roles=[FM("JPN", "2017-08-03", "2019-09-11")])
P("Toshimitsu Motegi", ["Motegi"],
  roles=[FM("JPN", "2019-09-11", "2021-11-04"), FM("JPN", "2025-10-21")])
P("Yoshimasa Hayashi", [], roles=[FM("JPN", "2021-11-10", "2023-09-13")])
P("Yoko Kamikawa", ["Yōko Kamikawa", "Kamikawa"], roles=[FM("JPN", "2023-09-13", "2024-10-01")])
P("Takeshi Iwaya", ["Iwaya"], roles=[FM("JPN", "2024-10-01", "2025-10-21")])

# ---------------------------------------------------------------- India
P("A. P. J. Abdul Kalam", ["Abdul Kalam", "APJ Abdul Kalam"],
  roles=[HOS("IND", "2002-07-25", "2007-07-25")])
P("Pratibha Patil", [], roles=[HOS("IND", "2007-07-25", "2012-07-25")])
P("Pranab Mukherjee", [], roles=[HOS("IND", "2012-07-25", "2017-07-25")])
P("Ram Nath Kovind", ["Kovind"], roles=[HOS("IND", "2017-07-25", "2022-07-25")])
P("Droupadi Murmu", ["Murmu"], roles=[HOS("IND", "2022-07-25")])
P("Atal Bihari Vajpayee", ["Vajpayee"], ["Atal Bihari Vajpayee", "Vajpayee", "Vajpayi"],
  roles=[HOG("IND", "1998-03-19", "2004-05-22")])
P("Manmohan Singh", [], roles=[HOG("IND", "2004-05-22", "2014-05-26")])
P("Narendra Modi", ["Modi"], roles=[HOG("IND", "2014-05-26")])
P("Sushma Swaraj", ["Swaraj"], roles=[FM("IND", "2014-05-26", "2019-05-30")])
P("Subrahmanyam Jaishankar", ["S. Jaishankar", "Jaishankar", "S Jaishankar"],
  roles=[FM("IND", "2019-05-30")])

# ---------------------------------------------------------------- Brazil, Argentina, Mexico, Canada
P("Fernando Henrique Cardoso", [], roles=PRES("BRA", "1995-01-01", "2003-01-01"))
P("Luiz Inácio Lula da Silva", ["Luiz Inacio Lula da Silva", "Lula da Silva", "Lula"],
  roles=PRES("BRA", "2003-01-01", "2011-01-01") + PRES("BRA", "2023-01-01"))
P("Dilma Rousseff", ["Rousseff"], roles=PRES("BRA", "2011-01-01", "2016-08-31"))
P("Michel Temer", ["Temer"], roles=PRES("BRA", "2016-08-31", "2019-01-01"))
P("Jair Bolsonaro", ["Bolsonaro"], roles=PRES("BRA", "2019-01-01", "2023-01-01"))
P("Celso Amorim", [], roles=[FM("BRA", "2003-01-01", "2011-01-01")])
P("Mauro Vieira", [], roles=[FM("BRA", "2015-01-01", "2016-05-12"), FM("BRA", "2023-01-01")])
P("Néstor Kirchner", ["Nestor Kirchner"], roles=PRES("ARG", "2003-05-25", "2007-12-10"))
P("Cristina Fernández de Kirchner", ["Cristina Fernandez de Kirchner", "Cristina Kirchner"],
  roles=PRES("ARG", "2007-12-10", "2015-12-10"))
P("Mauricio Macri", ["Macri"], roles=PRES("ARG", "2015-12-10", "2019-12-10"))
P("Alberto Fernández", ["Alberto Fernandez"], roles=PRES("ARG", "2019-12-10", "2023-12-10"))
P("Javier Milei", ["Milei"], roles=PRES("ARG", "2023-12-10"))
P("Vicente Fox", [], roles=PRES("MEX", "2000-12-01", "2006-12-01"))
P("Felipe Calderón", ["Felipe Calderon"], roles=PRES("MEX", "2006-12-01", "2012-12-01"))
P("Enrique Peña Nieto", ["Enrique Pena Nieto", "Peña Nieto", "Pena Nieto"],
  roles=PRES("MEX", "2012-12-01", "2018-12-01"))
P("Andrés Manuel López Obrador", ["Andres Manuel Lopez Obrador", "López Obrador", "Lopez Obrador",
                                  "AMLO"], roles=PRES("MEX", "2018-12-01", "2024-10-01"))
P("Claudia Sheinbaum", ["Sheinbaum"], roles=PRES("MEX", "2024-10-01"))
P("Marcelo Ebrard", ["Ebrard"], roles=[FM("MEX", "2018-12-01", "2023-06-12")])
P("Jean Chrétien", ["Jean Chretien", "Chrétien", "Chretien"],
  roles=[HOG("CAN", "1993-11-04", "2003-12-12")])
P("Paul Martin", [], roles=[HOG("CAN", "2003-12-12", "2006-02-06")])
P("Stephen Harper", [], roles=[HOG("CAN", "2006-02-06", "2015-11-04")])
P("Justin Trudeau", ["Trudeau"], roles=[HOG("CAN", "2015-11-04", "2025-03-14")])
P("Mark Carney", ["Carney"], roles=[HOG("CAN", "2025-03-14")])
P("Chrystia Freeland", ["Freeland"], roles=[FM("CAN", "2017-01-10", "2019-11-20")])
P("François-Philippe Champagne", ["Francois-Philippe Champagne"],
  roles=[FM("CAN", "2019-11-20", "2021-01-12")])
P("Marc Garneau", [], roles=[FM("CAN", "2021-01-12", "2021-10-26")])
P("Mélanie Joly", ["Melanie Joly"], roles=[FM("CAN", "2021-10-26", "2025-05-13")])
P("Anita Anand", [], roles=[FM("CAN", "2025-05-13")])

# ---------------------------------------------------------------- Italy, Spain, Australia
P("Carlo Azeglio Ciampi", [], roles=[HOS("ITA", "1999-05-18", "2006-05-15")])
P("Giorgio Napolitano", ["Napolitano"], roles=[HOS("ITA", "2006-05-15", "2015-01-14")])
P("Sergio Mattarella", ["Mattarella"], roles=[HOS("ITA", "2015-02-03")])
P("Silvio Berlusconi", ["Berlusconi"],
  roles=[HOG("ITA", "2001-06-11", "2006-05-17"), HOG("ITA", "2008-05-08", "2011-11-16")])
P("Romano Prodi", ["Prodi"],
  roles=[("EU", "commission_president", "1999-09-16", "2004-11-22"),
         HOG("ITA", "2006-05-17", "2008-05-08")])
P("Mario Monti", [], roles=[HOG("ITA", "2011-11-16", "2013-04-28")])
P("Enrico Letta", [], roles=[HOG("ITA", "2013-04-28", "2014-02-22")])
P("Matteo Renzi", ["Renzi"], roles=[HOG("ITA", "2014-02-22", "2016-12-12")])
P("Paolo Gentiloni", ["Gentiloni"], roles=[HOG("ITA", "2016-12-12", "2018-06-01")])
P("Giuseppe Conte", [], roles=[HOG("ITA", "2018-06-01", "2021-02-13")])
P("Mario Draghi", ["Draghi"],
  roles=[("ECB", "president", "2011-11-01", "2019-10-31"), HOG("ITA", "2021-02-13", "2022-10-22")])
P("Giorgia Meloni", ["Meloni"], roles=[HOG("ITA", "2022-10-22")])
P("Luigi Di Maio", ["Di Maio"], roles=[FM("ITA", "2019-09-05", "2022-10-22")])
P("Antonio Tajani", ["Tajani"], roles=[FM("ITA", "2022-10-22")])
P("Juan Carlos I", ["King Juan Carlos"], ["Juan Carlos I.", "König Juan Carlos"],
  roles=[HOS("ESP", "1975-11-22", "2014-06-19")])
P("Felipe VI", ["King Felipe VI", "King Felipe"], ["Felipe VI.", "König Felipe VI.", "König Felipe"],
  roles=[HOS("ESP", "2014-06-19")])
P("José María Aznar", ["Jose Maria Aznar", "Aznar"], roles=[HOG("ESP", "1996-05-05", "2004-04-17")])
P("José Luis Rodríguez Zapatero", ["Jose Luis Rodriguez Zapatero", "Zapatero"],
  roles=[HOG("ESP", "2004-04-17", "2011-12-21")])
P("Mariano Rajoy", ["Rajoy"], roles=[HOG("ESP", "2011-12-21", "2018-06-02")])
P("Pedro Sánchez", ["Pedro Sanchez"], roles=[HOG("ESP", "2018-06-02")])
P("José Manuel Albares", ["Jose Manuel Albares", "Albares"], roles=[FM("ESP", "2021-07-12")])
P("John Howard", [], roles=[HOG("AUS", "1996-03-11", "2007-12-03")])
P("Kevin Rudd", [], roles=[HOG("AUS", "2007-12-03", "2010-06-24"), HOG("AUS", "2013-06-27", "2013-09-18")])
P("Julia Gillard", ["Gillard"], roles=[HOG("AUS", "2010-06-24", "2013-06-27")])
P("Tony Abbott", [], roles=[HOG("AUS", "2013-09-18", "2015-09-15")])
P("Malcolm Turnbull", ["Turnbull"], roles=[HOG("AUS", "2015-09-15", "2018-08-24")])
P("Scott Morrison", [], roles=[HOG("AUS", "2018-08-24", "2022-05-23")])
P("Anthony Albanese", ["Albanese"], roles=[HOG("AUS", "2022-05-23")])
P("Penny Wong", [], roles=[FM("AUS", "2022-05-23")])

# ---------------------------------------------------------------- Turkey
P("Ahmet Necdet Sezer", [], roles=[HOS("TUR", "2000-05-16", "2007-08-28")])
P("Recep Tayyip Erdoğan", ["Recep Tayyip Erdogan", "Erdoğan", "Erdogan", "Tayyip Erdogan"],
  roles=[HOG("TUR", "2003-03-14", "2014-08-28"), HOS("TUR", "2014-08-28")])
P("Abdullah Gül", ["Abdullah Gul"],
  roles=[HOG("TUR", "2002-11-18", "2003-03-14"), FM("TUR", "2003-03-14", "2007-08-28"),
         HOS("TUR", "2007-08-28", "2014-08-28")])
P("Ahmet Davutoğlu", ["Ahmet Davutoglu", "Davutoğlu", "Davutoglu"],
  roles=[FM("TUR", "2009-05-01", "2014-08-29"), HOG("TUR", "2014-08-29", "2016-05-24")])
P("Binali Yıldırım", ["Binali Yildirim"], roles=[HOG("TUR", "2016-05-24", "2018-07-09")])
P("Mevlüt Çavuşoğlu", ["Mevlut Cavusoglu", "Çavuşoğlu", "Cavusoglu"],
  ["Mevlüt Çavuşoğlu", "Mevlüt Cavusoglu", "Çavuşoğlu", "Cavusoglu", "Tschawuschoglu"],
  roles=[FM("TUR", "2014-08-29", "2015-08-28"), FM("TUR", "2015-11-24", "2023-06-04")])
P("Hakan Fidan", ["Fidan"], roles=[FM("TUR", "2023-06-04")])

# ---------------------------------------------------------------- Saudi Arabia, Gulf, Jordan, Egypt
P("King Fahd", ["Fahd bin Abdulaziz"], ["König Fahd", "Fahd bin Abdulaziz"],
  roles=[HOS("SAU", "1982-06-13", "2005-08-01")])
P("King Abdullah of Saudi Arabia", ["Abdullah bin Abdulaziz", "King Abdullah bin Abdulaziz"],
  ["Abdullah bin Abdulaziz", "König Abdullah bin Abdulaziz"],
  roles=[HOS("SAU", "2005-08-01", "2015-01-23")])
P("King Salman", ["Salman bin Abdulaziz", "King Salman bin Abdulaziz"],
  ["König Salman", "Salman bin Abdulaziz"], roles=[HOS("SAU", "2015-01-23")])
P("Mohammed bin Salman", ["Mohammad bin Salman", "Muhammad bin Salman", "MBS",
                          "Crown Prince Mohammed bin Salman"],
  ["Mohammed bin Salman", "Kronprinz Mohammed bin Salman", "MBS"],
  roles=[HOG("SAU", "2022-09-27")])
P("Saud al-Faisal", ["Prince Saud al-Faisal"], ["Saud al-Faisal", "Prinz Saud al-Faisal"],
  roles=[FM("SAU", "1975-10-13", "2015-04-29")])
P("Adel al-Jubeir", ["Adel Al-Jubeir", "al-Jubeir", "Jubeir"],
  ["Adel al-Dschubair", "Adel al-Jubeir", "al-Dschubair"],
  roles=[FM("SAU", "2015-04-29", "2018-12-27")])
P("Faisal bin Farhan", ["Prince Faisal bin Farhan", "Faisal bin Farhan Al Saud"],
  ["Faisal bin Farhan", "Prinz Faisal bin Farhan"], roles=[FM("SAU", "2019-10-23")])
P("Hamad bin Khalifa Al Thani", ["Sheikh Hamad bin Khalifa al-Thani", "Hamad bin Khalifa al-Thani",
                                "Sheikh Hamad bin Khalifa"],
  ["Hamad bin Chalifa al-Thani", "Hamad bin Khalifa Al Thani", "Scheich Hamad bin Chalifa al-Thani"],
  roles=[HOS("QAT", "1995-06-27", "2013-06-25")])
P("Tamim bin Hamad Al Thani", ["Sheikh Tamim bin Hamad Al Thani", "Emir Tamim", "Tamim bin Hamad"],
  ["Tamim bin Hamad Al Thani", "Emir Tamim", "Scheich Tamim bin Hamad Al Thani"],
  roles=[HOS("QAT", "2013-06-25")])
P("Khalifa bin Zayed Al Nahyan", ["Sheikh Khalifa bin Zayed"],
  ["Chalifa bin Zayid Al Nahyan", "Khalifa bin Zayed Al Nahyan", "Scheich Khalifa bin Zayed"],
  roles=[HOS("ARE", "2004-11-03", "2022-05-13")])
P("Mohamed bin Zayed Al Nahyan", ["Mohammed bin Zayed", "Mohamed bin Zayed", "MBZ",
                                  "Sheikh Mohamed bin Zayed"],
  ["Mohammed bin Zayed", "Mohamed bin Zayed Al Nahyan", "Mohammed bin Sajid", "MBZ"],
  roles=[HOS("ARE", "2022-05-14")])
P("Abdullah II of Jordan", ["King Abdullah II", "Abdullah II"],
  ["König Abdullah II.", "Abdullah II."], roles=[HOS("JOR", "1999-02-07")])
P("Hosni Mubarak", ["Mubarak"], ["Husni Mubarak", "Hosni Mubarak", "Mubarak"],
  roles=PRES("EGY", "1981-10-14", "2011-02-11")[:1])
P("Mohamed Morsi", ["Mohammed Morsi", "Morsi", "Mursi"], ["Mohammed Mursi", "Mursi", "Mohamed Morsi"],
  roles=[HOS("EGY", "2012-06-30", "2013-07-03")])
P("Abdel Fattah el-Sisi", ["Abdel Fattah al-Sisi", "Abdel-Fattah el-Sissi", "el-Sisi", "al-Sisi",
                           "Sisi", "Sissi"],
  ["Abdel Fattah al-Sisi", "Abdel Fattah al-Sissi", "al-Sisi", "al-Sissi", "Sisi"],
  roles=[HOS("EGY", "2014-06-08")])
P("Sameh Shoukry", ["Shoukry"], ["Sameh Schukri", "Sameh Shoukry", "Schukri"],
  roles=[FM("EGY", "2014-06-17", "2024-07-03")])
P("Badr Abdelatty", ["Abdelatty"], ["Badr Abdelatty", "Badr Abdel Aty"],
  roles=[FM("EGY", "2024-07-03")])

# ---------------------------------------------------------------- Koreas
P("Kim Jong Il", ["Kim Jong-il", "Kim Jong-Il", "Kim"], ["Kim Jong Il", "Kim Jong-il", "Kim"],
  roles=[HOS("PRK", "1994-07-08", "2011-12-17")])
P("Kim Jong Un", ["Kim Jong-un", "Kim Jong-Un", "Kim Jongun", "Kim"],
  ["Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "Kim"], roles=[HOS("PRK", "2011-12-17")])
P("Ri Yong Ho", ["Ri Yong-ho"], roles=[FM("PRK", "2016-05", "2020-01")])
P("Choe Son Hui", ["Choe Son-hui", "Choe Son-Hui"], roles=[FM("PRK", "2022-06")])
P("Kim Dae-jung", ["Kim Dae Jung"], roles=PRES("KOR", "1998-02-25", "2003-02-25")[:1])
P("Roh Moo-hyun", ["Roh Moo Hyun"], roles=[HOS("KOR", "2003-02-25", "2008-02-25")])
P("Lee Myung-bak", ["Lee Myung Bak"], roles=[HOS("KOR", "2008-02-25", "2013-02-25")])
P("Park Geun-hye", ["Park Geun Hye"], roles=[HOS("KOR", "2013-02-25", "2017-03-10")])
P("Moon Jae-in", ["Moon Jae In"], roles=[HOS("KOR", "2017-05-10", "2022-05-10")])
P("Yoon Suk Yeol", ["Yoon Suk-yeol", "Yoon Seok-youl", "Yoon"],
  ["Yoon Suk Yeol", "Yoon Suk-yeol", "Yoon"], roles=[HOS("KOR", "2022-05-10", "2025-04-04")])
P("Lee Jae-myung", ["Lee Jae Myung"], roles=[HOS("KOR", "2025-06-04")])
P("Ban Ki-moon", ["Ban Ki Moon"],
  roles=[FM("KOR", "2004-01-17", "2006-11-09"), ("UN", "secretary_general", "2007-01-01", "2016-12-31")])
P("Park Jin", [], roles=[FM("KOR", "2022-05-12", "2024-01-10")])

# ---------------------------------------------------------------- Iran
P("Ali Khamenei", ["Khamenei", "Ayatollah Ali Khamenei", "Ayatollah Khamenei", "Sayyid Ali Khamenei"],
  ["Ali Chamenei", "Chamenei", "Ajatollah Ali Chamenei", "Ajatollah Chamenei", "Ali Khamenei",
   "Khamenei"],
  roles=[HOS("IRN", "1989-06-04")])
P("Mohammad Khatami", ["Khatami"], ["Mohammed Chatami", "Chatami", "Mohammad Khatami"],
  roles=[HOG("IRN", "1997-08-03", "2005-08-03")])
P("Mahmoud Ahmadinejad", ["Ahmadinejad"], ["Mahmud Ahmadinedschad", "Ahmadinedschad"],
  roles=[HOG("IRN", "2005-08-03", "2013-08-03")])
P("Hassan Rouhani", ["Rouhani", "Hassan Rohani", "Rohani"], ["Hassan Ruhani", "Ruhani", "Rohani"],
  roles=[HOG("IRN", "2013-08-03", "2021-08-03")])
P("Ebrahim Raisi", ["Raisi", "Ibrahim Raisi"], ["Ebrahim Raisi", "Ebrahim Raissi", "Raisi", "Raissi"],
  roles=[HOG("IRN", "2021-08-03", "2024-05-19")])
P("Masoud Pezeshkian", ["Pezeshkian", "Massoud Pezeshkian"],
  ["Massud Peseschkian", "Peseschkian", "Masoud Pezeshkian", "Pezeshkian"],
  roles=[HOG("IRN", "2024-07-28")])
P("Kamal Kharrazi", ["Kharrazi"], ["Kamal Charrasi", "Kamal Kharrazi"],
  roles=[FM("IRN", "1997-08-20", "2005-08-24")])
P("Manouchehr Mottaki", ["Mottaki"], ["Manutschehr Mottaki", "Mottaki"],
  roles=[FM("IRN", "2005-08-24", "2010-12-13")])
P("Ali Akbar Salehi", [], ["Ali Akbar Salehi"], roles=[FM("IRN", "2011-01-30", "2013-08-15")])
P("Mohammad Javad Zarif", ["Javad Zarif", "Zarif"],
  ["Mohammed Dschawad Sarif", "Dschawad Sarif", "Sarif", "Mohammad Javad Zarif", "Zarif"],
  roles=[FM("IRN", "2013-08-15", "2021-08-25")])
P("Hossein Amir-Abdollahian", ["Amir-Abdollahian", "Hossein Amirabdollahian", "Amirabdollahian"],
  ["Hossein Amir-Abdollahian", "Amir-Abdollahian", "Amirabdollahian"],
  roles=[FM("IRN", "2021-08-25", "2024-05-19")])
P("Abbas Araghchi", ["Araghchi", "Abbas Araqchi"], ["Abbas Araghtschi", "Araghtschi", "Araghchi",
                                                   "Abbas Araghchi"],
  roles=[FM("IRN", "2024-08-21")])

# ---------------------------------------------------------------- Israel, Palestine, Lebanon, Syria
P("Ehud Barak", [], roles=[HOG("ISR", "1999-07-06", "2001-03-07")])
P("Ariel Sharon", [], ["Ariel Scharon", "Ariel Sharon"], roles=[HOG("ISR", "2001-03-07", "2006-01-04")])
P("Ehud Olmert", ["Olmert"], roles=[HOG("ISR", "2006-01-04", "2009-03-31")])
P("Benjamin Netanyahu", ["Netanyahu", "Binyamin Netanyahu", "Bibi Netanyahu"],
  ["Benjamin Netanjahu", "Netanjahu", "Benjamin Netanyahu", "Netanyahu"],
  roles=[HOG("ISR", "1996-06-18", "1999-07-06"), HOG("ISR", "2009-03-31", "2021-06-13"),
         HOG("ISR", "2022-12-29")])
P("Naftali Bennett", [], roles=[HOG("ISR", "2021-06-13", "2022-06-30")])
P("Yair Lapid", ["Lapid"],
  roles=[FM("ISR", "2021-06-13", "2022-07-01"), HOG("ISR", "2022-07-01", "2022-12-29")])
P("Moshe Katsav", ["Katsav"], ["Mosche Katzav", "Moshe Katsav", "Katzav"],
  roles=[HOS("ISR", "2000-08-01", "2007-07-01")])
P("Shimon Peres", ["Peres"], ["Schimon Peres", "Shimon Peres", "Peres"],
  roles=[HOS("ISR", "2007-07-15", "2014-07-24")])
P("Reuven Rivlin", ["Rivlin"], roles=[HOS("ISR", "2014-07-24", "2021-07-07")])
P("Isaac Herzog", ["Yitzhak Herzog"], ["Isaac Herzog", "Jizchak Herzog"],
  roles=[HOS("ISR", "2021-07-07")])
P("Tzipi Livni", ["Livni"], ["Zipi Livni", "Tzipi Livni", "Livni"],
  roles=[FM("ISR", "2006-05-04", "2009-03-31")])
P("Avigdor Lieberman", ["Avigdor Liberman"], ["Avigdor Lieberman", "Avigdor Liberman"],
  roles=[FM("ISR", "2009-03-31", "2012-12-18"), FM("ISR", "2013-11-11", "2015-05-14")])
P("Gabi Ashkenazi", [], ["Gabi Aschkenasi", "Gabi Ashkenazi"],
  roles=[FM("ISR", "2020-05-17", "2021-06-13")])
P("Israel Katz", [], roles=[FM("ISR", "2019-02-17", "2020-05-17"), FM("ISR", "2024-01-01", "2024-11-05")])
P("Eli Cohen", [], roles=[FM("ISR", "2022-12-29", "2024-01-01")])
P("Gideon Sa'ar", ["Gideon Saar"], roles=[FM("ISR", "2024-11-05")])
P("Yasser Arafat", ["Arafat"], ["Jassir Arafat", "Arafat", "Yasser Arafat"],
  roles=[HOS("PSE", "1996-02-12", "2004-11-11")])
P("Mahmoud Abbas", ["Abbas", "Abu Mazen"], ["Mahmud Abbas", "Abbas", "Abu Masen", "Mahmoud Abbas"],
  roles=[HOS("PSE", "2005-01-15")])
P("Mohammad Shtayyeh", ["Shtayyeh", "Mohammed Shtayyeh"], ["Mohammed Schtaje", "Mohammad Shtayyeh"],
  roles=[HOG("PSE", "2019-04-13", "2024-03-31")])
P("Mohammad Mustafa", [], roles=[HOG("PSE", "2024-03-31")])
P("Michel Aoun", [], roles=[HOS("LBN", "2016-10-31", "2022-10-30")])
P("Joseph Aoun", [], roles=[HOS("LBN", "2025-01-09")])
P("Najib Mikati", ["Mikati"], ["Nadschib Mikati", "Najib Mikati", "Mikati"],
  roles=[HOG("LBN", "2021-09-10", "2025-02-08")])
P("Nawaf Salam", [], roles=[HOG("LBN", "2025-02-08")])
P("Hafez al-Assad", ["Hafez Assad"], ["Hafis al-Assad", "Hafez al-Assad"],
  roles=[HOS("SYR", "1971-03-14", "2000-06-10")])
P("Bashar al-Assad", ["Assad", "Bashar Assad", "al-Assad"],
  ["Baschar al-Assad", "Assad", "al-Assad", "Bashar al-Assad"],
  roles=[HOS("SYR", "2000-07-17", "2024-12-08")])
P("Ahmed al-Sharaa", ["Ahmad al-Sharaa", "al-Sharaa", "Sharaa", "Abu Mohammed al-Jolani",
                      "Abu Mohammad al-Julani", "al-Jolani", "Jolani", "al-Julani"],
  ["Ahmed al-Scharaa", "al-Scharaa", "Scharaa", "Ahmed al-Sharaa", "al-Sharaa",
   "Abu Mohammed al-Dscholani", "al-Dscholani", "Dscholani", "al-Julani"],
  roles=[HOS("SYR", "2024-12-08")])
P("Walid Muallem", ["Walid al-Muallem", "Muallem"], ["Walid al-Muallim", "Walid Muallem", "Muallem"],
  roles=[FM("SYR", "2006-02-11", "2020-11-16")])
P("Faisal Mekdad", ["Faisal al-Mekdad", "Mekdad"], ["Faisal Mekdad", "Faisal al-Mikdad", "Mekdad"],
  roles=[FM("SYR", "2020-11-22", "2024-12-08")])
P("Asaad al-Shaibani", ["Asaad Hassan al-Shaibani", "al-Shaibani", "Shaibani"],
  ["Asaad al-Schaibani", "Asaad al-Shaibani", "al-Schaibani", "Schaibani"],
  roles=[FM("SYR", "2024-12-21")])

# ---------------------------------------------------------------- Belarus, Poland, Hungary
P("Alexander Lukashenko", ["Lukashenko", "Alyaksandr Lukashenka", "Aleksandr Lukashenko",
                           "Lukashenka"],
  ["Alexander Lukaschenko", "Lukaschenko", "Aljaksandr Lukaschenka", "Lukaschenka"],
  roles=[HOS("BLR", "1994-07-20")])
P("Vladimir Makei", ["Uladzimir Makei", "Makei"], ["Wladimir Makej", "Makej", "Wladimir Makei"],
  roles=[FM("BLR", "2012-08-20", "2022-11-26")])
P("Aleksander Kwaśniewski", ["Aleksander Kwasniewski", "Kwaśniewski", "Kwasniewski"],
  roles=[HOS("POL", "1995-12-23", "2005-12-23")])
P("Lech Kaczyński", ["Lech Kaczynski"], roles=[HOS("POL", "2005-12-23", "2010-04-10")])
P("Jarosław Kaczyński", ["Jaroslaw Kaczynski"], roles=[HOG("POL", "2006-07-14", "2007-11-16")])
P("Bronisław Komorowski", ["Bronislaw Komorowski", "Komorowski"],
  roles=[HOS("POL", "2010-04-10", "2015-08-06")])
P("Andrzej Duda", ["Duda"], roles=[HOS("POL", "2015-08-06", "2025-08-06")])
P("Karol Nawrocki", ["Nawrocki"], roles=[HOS("POL", "2025-08-06")])
P("Donald Tusk", ["Tusk"],
  roles=[HOG("POL", "2007-11-16", "2014-09-22"), ("EU", "council_president", "2014-12-01", "2019-11-30"),
         HOG("POL", "2023-12-13")])
P("Ewa Kopacz", ["Kopacz"], roles=[HOG("POL", "2014-09-22", "2015-11-16")])
P("Beata Szydło", ["Beata Szydlo", "Szydło", "Szydlo"], roles=[HOG("POL", "2015-11-16", "2017-12-11")])
P("Mateusz Morawiecki", ["Morawiecki"], roles=[HOG("POL", "2017-12-11", "2023-12-13")])
P("Radosław Sikorski", ["Radoslaw Sikorski", "Radek Sikorski", "Sikorski"],
  roles=[FM("POL", "2007-11-16", "2014-09-22"), FM("POL", "2023-12-13")])
P("Witold Waszczykowski", ["Waszczykowski"], roles=[FM("POL", "2015-11-16", "2018-01-09")])
P("Jacek Czaputowicz", ["Czaputowicz"], roles=[FM("POL", "2018-01-09", "2020-08-20")])
P("Zbigniew Rau", [], roles=[FM("POL", "2020-08-26", "2023-11-27")])
P("Viktor Orbán", ["Viktor Orban", "Orbán", "Orban"],
  roles=[HOG("HUN", "1998-07-06", "2002-05-27"), HOG("HUN", "2010-05-29")])
P("Ferenc Gyurcsány", ["Ferenc Gyurcsany", "Gyurcsány", "Gyurcsany"],
  roles=[HOG("HUN", "2004-09-29", "2009-04-14")])
P("Péter Szijjártó", ["Peter Szijjarto", "Szijjártó", "Szijjarto"], roles=[FM("HUN", "2014-09-23")])
P("János Áder", ["Janos Ader"], roles=[HOS("HUN", "2012-05-10", "2022-05-10")])
P("Katalin Novák", ["Katalin Novak"], roles=[HOS("HUN", "2022-05-10", "2024-02-26")])
P("Tamás Sulyok", ["Tamas Sulyok"], roles=[HOS("HUN", "2024-03-05")])

# ---------------------------------------------------------------- Baltic states
P("Toomas Hendrik Ilves", ["Ilves"], roles=[HOS("EST", "2006-10-09", "2016-10-10")])
P("Kersti Kaljulaid", ["Kaljulaid"], roles=[HOS("EST", "2016-10-10", "2021-10-11")])
P("Alar Karis", [], roles=[HOS("EST", "2021-10-11")])
P("Andrus Ansip", ["Ansip"], roles=[HOG("EST", "2005-04-13", "2014-03-26")])
P("Taavi Rõivas", ["Taavi Roivas"], roles=[HOG("EST", "2014-03-26", "2016-11-23")])
P("Jüri Ratas", ["Juri Ratas"], roles=[HOG("EST", "2016-11-23", "2021-01-26")])
P("Kaja Kallas", ["Kallas"],
  roles=[HOG("EST", "2021-01-26", "2024-07-23"), ("EU", "high_representative", "2024-12-01", "")])
P("Kristen Michal", [], roles=[HOG("EST", "2024-07-23")])
P("Margus Tsahkna", ["Tsahkna"], roles=[FM("EST", "2023-04-17")])
P("Valdis Dombrovskis", ["Dombrovskis"], roles=[HOG("LVA", "2009-03-12", "2014-01-22")])
P("Krišjānis Kariņš", ["Krisjanis Karins", "Kariņš", "Karins"],
  roles=[HOG("LVA", "2019-01-23", "2023-09-15"), FM("LVA", "2023-09-15", "2024-03")])
P("Evika Siliņa", ["Evika Silina"], roles=[HOG("LVA", "2023-09-15")])
P("Egils Levits", ["Levits"], roles=[HOS("LVA", "2019-07-08", "2023-07-08")])
P("Edgars Rinkēvičs", ["Edgars Rinkevics", "Rinkēvičs", "Rinkevics"],
  roles=[FM("LVA", "2011-10-25", "2023-07-08"), HOS("LVA", "2023-07-08")])
P("Dalia Grybauskaitė", ["Dalia Grybauskaite", "Grybauskaitė", "Grybauskaite"],
  roles=[HOS("LTU", "2009-07-12", "2019-07-12")])
P("Gitanas Nausėda", ["Gitanas Nauseda", "Nausėda", "Nauseda"], roles=[HOS("LTU", "2019-07-12")])
P("Ingrida Šimonytė", ["Ingrida Simonyte", "Šimonytė", "Simonyte"],
  roles=[HOG("LTU", "2020-12-11", "2024-12-12")])
P("Linas Linkevičius", ["Linas Linkevicius", "Linkevičius", "Linkevicius"],
  roles=[FM("LTU", "2012-12-13", "2020-12-11")])
P("Gabrielius Landsbergis", [], roles=[FM("LTU", "2020-12-11", "2024-12-12")])
P("Kęstutis Budrys", ["Kestutis Budrys"], roles=[FM("LTU", "2024-12-12")])

# ---------------------------------------------------------------- Nordic states
P("Tarja Halonen", ["Halonen"], roles=[HOS("FIN", "2000-03-01", "2012-03-01")])
P("Sauli Niinistö", ["Sauli Niinisto", "Niinistö", "Niinisto"],
  roles=[HOS("FIN", "2012-03-01", "2024-03-01")])
P("Alexander Stubb", ["Stubb"],
  roles=[HOG("FIN", "2014-06-24", "2015-05-29"), HOS("FIN", "2024-03-01")])
P("Juha Sipilä", ["Juha Sipila", "Sipilä", "Sipila"], roles=[HOG("FIN", "2015-05-29", "2019-06-06")])
P("Antti Rinne", [], roles=[HOG("FIN", "2019-06-06", "2019-12-10")])
P("Sanna Marin", [], roles=[HOG("FIN", "2019-12-10", "2023-06-20")])
P("Petteri Orpo", ["Orpo"], roles=[HOG("FIN", "2023-06-20")])
P("Pekka Haavisto", ["Haavisto"], roles=[FM("FIN", "2019-06-06", "2023-06-20")])
P("Elina Valtonen", ["Valtonen"], roles=[FM("FIN", "2023-06-20")])
P("Carl XVI Gustaf", ["King Carl XVI Gustaf", "King Carl Gustaf"],
  ["Carl XVI. Gustaf", "König Carl XVI. Gustaf", "König Carl Gustaf"],
  roles=[HOS("SWE", "1973-09-15")])
P("Göran Persson", ["Goran Persson"], roles=[HOG("SWE", "1996-03-22", "2006-10-06")])
P("Fredrik Reinfeldt", ["Reinfeldt"], roles=[HOG("SWE", "2006-10-06", "2014-10-03")])
P("Stefan Löfven", ["Stefan Lofven", "Löfven", "Lofven"], roles=[HOG("SWE", "2014-10-03", "2021-11-30")])
P("Magdalena Andersson", [], roles=[HOG("SWE", "2021-11-30", "2022-10-18")])
P("Ulf Kristersson", ["Kristersson"], roles=[HOG("SWE", "2022-10-18")])
P("Carl Bildt", ["Bildt"], roles=[FM("SWE", "2006-10-06", "2014-10-03")])
P("Margot Wallström", ["Margot Wallstrom", "Wallström", "Wallstrom"],
  roles=[FM("SWE", "2014-10-03", "2019-09-10")])
P("Ann Linde", [], roles=[FM("SWE", "2019-09-10", "2022-10-18")])
P("Tobias Billström", ["Tobias Billstrom", "Billström", "Billstrom"],
  roles=[FM("SWE", "2022-10-18", "2024-09-10")])
P("Maria Malmer Stenergard", ["Malmer Stenergard"], roles=[FM("SWE", "2024-09-10")])
P("Harald V", ["King Harald V", "King Harald"], ["Harald V.", "König Harald V.", "König Harald"],
  roles=[HOS("NOR", "1991-01-17")])
P("Jens Stoltenberg", ["Stoltenberg"],
  roles=[HOG("NOR", "2000-03-17", "2001-10-19"), HOG("NOR", "2005-10-17", "2013-10-16"),
         ("NATO", "secretary_general", "2014-10-01", "2024-10-01")])
P("Erna Solberg", ["Solberg"], roles=[HOG("NOR", "2013-10-16", "2021-10-14")])
P("Jonas Gahr Støre", ["Jonas Gahr Store", "Gahr Støre", "Støre"],
  roles=[FM("NOR", "2005-10-17", "2012-09-21"), HOG("NOR", "2021-10-14")])
P("Børge Brende", ["Borge Brende", "Brende"], roles=[FM("NOR", "2013-10-16", "2017-10-20")])
P("Ine Eriksen Søreide", ["Ine Eriksen Soreide", "Eriksen Søreide"],
  roles=[FM("NOR", "2017-10-20", "2021-10-14")])
P("Anniken Huitfeldt", ["Huitfeldt"], roles=[FM("NOR", "2021-10-14", "2023-10-16")])
P("Espen Barth Eide", ["Barth Eide"], roles=[FM("NOR", "2023-10-16")])
P("Margrethe II", ["Queen Margrethe II", "Queen Margrethe"],
  ["Margrethe II.", "Königin Margrethe II.", "Königin Margrethe"],
  roles=[HOS("DNK", "1972-01-14", "2024-01-14")])
P("Frederik X", ["King Frederik X", "King Frederik"], ["Frederik X.", "König Frederik X.",
                                                       "König Frederik"],
  roles=[HOS("DNK", "2024-01-14")])
P("Anders Fogh Rasmussen", ["Fogh Rasmussen"],
  roles=[HOG("DNK", "2001-11-27", "2009-04-05"),
         ("NATO", "secretary_general", "2009-08-01", "2014-10-01")])
P("Lars Løkke Rasmussen", ["Lars Lokke Rasmussen", "Løkke Rasmussen", "Lokke Rasmussen", "Løkke"],
  roles=[HOG("DNK", "2009-04-05", "2011-10-03"), HOG("DNK", "2015-06-28", "2019-06-27"),
         FM("DNK", "2022-12-15")])
P("Helle Thorning-Schmidt", ["Thorning-Schmidt"], roles=[HOG("DNK", "2011-10-03", "2015-06-28")])
P("Mette Frederiksen", ["Frederiksen"], roles=[HOG("DNK", "2019-06-27")])
P("Jeppe Kofod", ["Kofod"], roles=[FM("DNK", "2019-06-27", "2022-12-15")])

# ---------------------------------------------------------------- Benelux, Austria, Greece, Central Europe
P("Jan Peter Balkenende", ["Balkenende"], roles=[HOG("NLD", "2002-07-22", "2010-10-14")])
P("Mark Rutte", ["Rutte"],
  roles=[HOG("NLD", "2010-10-14", "2024-07-02"), ("NATO", "secretary_general", "2024-10-01", "")])
P("Dick Schoof", ["Schoof"], roles=[HOG("NLD", "2024-07-02")])
P("Charles Michel", [],
  roles=[HOG("BEL", "2014-10-11", "2019-10-27"), ("EU", "council_president", "2019-12-01", "2024-11-30")])
P("Alexander De Croo", ["De Croo"], roles=[HOG("BEL", "2020-10-01", "2025-02-03")])
P("Bart De Wever", ["De Wever"], roles=[HOG("BEL", "2025-02-03")])
P("Jean-Claude Juncker", ["Juncker"],
  roles=[HOG("LUX", "1995-01-20", "2013-12-04"), ("EU", "commission_president", "2014-11-01", "2019-11-30")])
P("Alexander Van der Bellen", ["Van der Bellen"], roles=[HOS("AUT", "2017-01-26")])
P("Sebastian Kurz", [],
  roles=[HOG("AUT", "2017-12-18", "2019-05-28"), HOG("AUT", "2020-01-07", "2021-10-11")])
P("Karl Nehammer", ["Nehammer"], roles=[HOG("AUT", "2021-12-06", "2025-01-10")])
P("Christian Stocker", [], roles=[HOG("AUT", "2025-03-03")])
P("Alexander Schallenberg", ["Schallenberg"],
  roles=[FM("AUT", "2019-06-03", "2021-10-11"), HOG("AUT", "2021-10-11", "2021-12-06"),
         FM("AUT", "2021-12-06", "2025-03-03"), HOG("AUT", "2025-01-10", "2025-03-03")])
P("Beate Meinl-Reisinger", ["Meinl-Reisinger"], roles=[FM("AUT", "2025-03-03")])
P("Alexis Tsipras", ["Tsipras"], ["Alexis Tsipras", "Alexis Tsipras", "Tsipras"],
  roles=[HOG("GRC", "2015-01-26", "2015-08-27"), HOG("GRC", "2015-09-21", "2019-07-08")])
P("Kyriakos Mitsotakis", ["Mitsotakis"], ["Kyriakos Mitsotakis", "Mitsotakis"],
  roles=[HOG("GRC", "2019-07-08", "2023-05-25"), HOG("GRC", "2023-06-26")])
P("Robert Fico", ["Fico"],
  roles=[HOG("SVK", "2006-07-04", "2010-07-08"), HOG("SVK", "2012-04-04", "2018-03-22"),
         HOG("SVK", "2023-10-25")])
P("Andrej Babiš", ["Andrej Babis", "Babiš", "Babis"], roles=[HOG("CZE", "2017-12-06", "2021-12-17")])
P("Petr Pavel", [], roles=[HOS("CZE", "2023-03-09")])
P("Aleksandar Vučić", ["Aleksandar Vucic", "Vučić", "Vucic"],
  ["Aleksandar Vučić", "Aleksandar Vucic", "Vučić", "Vucic", "Vutschitsch"],
  roles=[HOG("SRB", "2014-04-27", "2017-05-31"), HOS("SRB", "2017-05-31")])
P("Slobodan Milošević", ["Slobodan Milosevic", "Milošević", "Milosevic"],
  ["Slobodan Milošević", "Slobodan Milosevic", "Milošević", "Milosevic", "Milosevitsch"],
  roles=[HOS("SRB", "1989-05-08", "1997-07-23")])
P("Hashim Thaçi", ["Hashim Thaci", "Thaçi", "Thaci"], roles=[HOS("XKX", "2016-04-07", "2020-11-05")])
P("Vjosa Osmani", ["Osmani"], roles=[HOS("XKX", "2021-04-04")])
P("Albin Kurti", ["Kurti"],
  roles=[HOG("XKX", "2020-02-03", "2020-06-03"), HOG("XKX", "2021-03-22")])
P("Maia Sandu", ["Sandu"], roles=[HOS("MDA", "2020-12-24")])

# ---------------------------------------------------------------- Caucasus, Central Asia
P("Ilham Aliyev", ["Aliyev"], ["Ilham Alijew", "Alijew", "Ilham Aliyev"],
  roles=[HOS("AZE", "2003-10-31")])
P("Nikol Pashinyan", ["Pashinyan"], ["Nikol Paschinjan", "Paschinjan"],
  roles=[HOG("ARM", "2018-05-08")])
P("Mikheil Saakashvili", ["Saakashvili"], ["Michail Saakaschwili", "Saakaschwili"],
  roles=[HOS("GEO", "2004-01-25", "2013-11-17")])
P("Irakli Kobakhidze", ["Kobakhidze"], ["Irakli Kobachidse", "Kobachidse"],
  roles=[HOG("GEO", "2024-02-08")])
P("Nursultan Nazarbayev", ["Nazarbayev"], ["Nursultan Nasarbajew", "Nasarbajew"],
  roles=[HOS("KAZ", "1990-04-24", "2019-03-20")])
P("Kassym-Jomart Tokayev", ["Tokayev", "Kassym-Zhomart Tokayev"],
  ["Kassym-Schomart Tokajew", "Tokajew", "Kassym-Jomart Tokayev"], roles=[HOS("KAZ", "2019-03-20")])
P("Shavkat Mirziyoyev", ["Mirziyoyev"], ["Schawkat Mirsijojew", "Mirsijojew", "Shavkat Mirziyoyev"],
  roles=[HOS("UZB", "2016-09-08")])
P("Emomali Rahmon", ["Rahmon"], ["Emomali Rachmon", "Rachmon"], roles=[HOS("TJK", "1994-11-16")])

# ---------------------------------------------------------------- South and Central Asia, Iraq
P("Pervez Musharraf", ["Musharraf"], ["Pervez Musharraf", "Musharraf", "Pervez Muscharraf"],
  roles=[HOS("PAK", "2001-06-20", "2008-08-18")])
P("Asif Ali Zardari", ["Zardari"], roles=[HOS("PAK", "2008-09-09", "2013-09-09"), HOS("PAK", "2024-03-10")])
P("Nawaz Sharif", [], roles=[HOG("PAK", "2013-06-05", "2017-07-28")])
P("Imran Khan", [], roles=[HOG("PAK", "2018-08-18", "2022-04-10")])
P("Shehbaz Sharif", ["Shahbaz Sharif"],
  roles=[HOG("PAK", "2022-04-11", "2023-08-14"), HOG("PAK", "2024-03-04")])
P("Hamid Karzai", ["Karzai"], ["Hamid Karsai", "Karsai", "Hamid Karzai"],
  roles=[HOS("AFG", "2001-12-22", "2014-09-29")])
P("Ashraf Ghani", [], roles=[HOS("AFG", "2014-09-29", "2021-08-15")])
P("Hibatullah Akhundzada", ["Haibatullah Akhundzada", "Akhundzada"],
  ["Haibatullah Achundsada", "Achundsada", "Hibatullah Akhundzada"],
  roles=[HOS("AFG", "2021-08-15")])
P("Saddam Hussein", ["Saddam"], ["Saddam Hussein", "Saddam"],
  roles=[HOS("IRQ", "1979-07-16", "2003-04-09")])
P("Nouri al-Maliki", ["Nuri al-Maliki", "al-Maliki", "Maliki"],
  ["Nuri al-Maliki", "al-Maliki", "Maliki", "Nouri al-Maliki"],
  roles=[HOG("IRQ", "2006-05-20", "2014-09-08")])
P("Haider al-Abadi", ["al-Abadi"], roles=[HOG("IRQ", "2014-09-08", "2018-10-25")])
P("Adil Abdul-Mahdi", ["Adel Abdul Mahdi"], roles=[HOG("IRQ", "2018-10-25", "2020-05-07")])
P("Mustafa al-Kadhimi", ["al-Kadhimi", "Kadhimi"], ["Mustafa al-Kadhimi", "al-Kasimi", "Mustafa al-Kasimi"],
  roles=[HOG("IRQ", "2020-05-07", "2022-10-27")])
P("Mohammed Shia al-Sudani", ["Mohammed Shia' al-Sudani", "al-Sudani"],
  ["Mohammed Schia al-Sudani", "Mohammed Shia al-Sudani", "al-Sudani"],
  roles=[HOG("IRQ", "2022-10-27")])

# ---------------------------------------------------------------- East and Southeast Asia
P("Chen Shui-bian", [], roles=[HOS("TWN", "2000-05-20", "2008-05-20")])
P("Ma Ying-jeou", [], roles=[HOS("TWN", "2008-05-20", "2016-05-20")])
P("Tsai Ing-wen", [], roles=[HOS("TWN", "2016-05-20", "2024-05-20")])
P("Lai Ching-te", ["William Lai"], roles=[HOS("TWN", "2024-05-20")])
P("Susilo Bambang Yudhoyono", ["Yudhoyono"], roles=[HOS("IDN", "2004-10-20", "2014-10-20")])
P("Joko Widodo", ["Jokowi", "Widodo"], roles=PRES("IDN", "2014-10-20", "2024-10-20"))
P("Prabowo Subianto", ["Prabowo"], roles=PRES("IDN", "2024-10-20"))
P("Retno Marsudi", ["Marsudi"], roles=[FM("IDN", "2014-10-27", "2024-10-20")])
P("Rodrigo Duterte", [], roles=PRES("PHL", "2016-06-30", "2022-06-30"))
P("Ferdinand Marcos Jr.", ["Ferdinand Marcos Jr", "Bongbong Marcos"],
  roles=PRES("PHL", "2022-06-30"))
P("Aung San Suu Kyi", ["Suu Kyi"], roles=[HOG("MMR", "2016-04-06", "2021-02-01")])
P("Min Aung Hlaing", [], roles=[HOG("MMR", "2021-08-01")])

# ---------------------------------------------------------------- Africa
P("Thabo Mbeki", ["Mbeki"], roles=PRES("ZAF", "1999-06-14", "2008-09-24"))
P("Jacob Zuma", ["Zuma"], roles=PRES("ZAF", "2009-05-09", "2018-02-14"))
P("Cyril Ramaphosa", ["Ramaphosa"], roles=PRES("ZAF", "2018-02-15"))
P("Naledi Pandor", ["Pandor"], roles=[FM("ZAF", "2019-05-30", "2024-07-03")])
P("Ronald Lamola", ["Lamola"], roles=[FM("ZAF", "2024-07-03")])
P("Muhammadu Buhari", ["Buhari"], roles=PRES("NGA", "2015-05-29", "2023-05-29"))
P("Bola Tinubu", ["Bola Ahmed Tinubu", "Tinubu"], roles=PRES("NGA", "2023-05-29"))
P("Uhuru Kenyatta", [], roles=PRES("KEN", "2013-04-09", "2022-09-13"))
P("William Ruto", ["Ruto"], roles=PRES("KEN", "2022-09-13"))
P("Abiy Ahmed", ["Abiy Ahmed Ali", "Abiy"], roles=[HOG("ETH", "2018-04-02")])
P("Omar al-Bashir", ["Omar Hassan al-Bashir", "al-Bashir"],
  ["Omar al-Baschir", "al-Baschir", "Omar al-Bashir", "al-Bashir"],
  roles=[HOS("SDN", "1989-06-30", "2019-04-11")])
P("Abdel Fattah al-Burhan", ["al-Burhan", "Burhan"], roles=[HOS("SDN", "2019-08-21")])
P("Muammar Gaddafi", ["Muammar al-Gaddafi", "Moammar Gadhafi", "Muammar Qaddafi", "Gaddafi",
                      "Gadhafi", "Qaddafi", "Kadhafi"],
  ["Muammar al-Gaddafi", "Muammar Gaddafi", "Gaddafi", "Muammar al-Ghaddafi", "Ghaddafi"],
  roles=[HOS("LBY", "1969-09-01", "2011-08-23")])
P("Ali Abdullah Saleh", [], ["Ali Abdullah Salih", "Ali Abdullah Saleh"],
  roles=[HOS("YEM", "1990-05-22", "2012-02-27")])
P("Abdrabbuh Mansur Hadi", ["Abd-Rabbu Mansour Hadi", "Abed Rabbo Mansour Hadi"],
  ["Abd Rabbo Mansur Hadi", "Abdrabbuh Mansur Hadi"], roles=[HOS("YEM", "2012-02-27", "2022-04-07")])
P("Rashad al-Alimi", ["al-Alimi"], roles=[HOS("YEM", "2022-04-07")])
P("Paul Kagame", ["Kagame"], roles=[HOS("RWA", "2000-04-22")])
P("Yoweri Museveni", ["Museveni"], roles=[HOS("UGA", "1986-01-29")])
P("Félix Tshisekedi", ["Felix Tshisekedi", "Tshisekedi"], ["Félix Tshisekedi", "Felix Tshisekedi",
                                                            "Tshisekedi", "Felix Tschisekedi"],
  roles=[HOS("COD", "2019-01-24")])
P("Joseph Kabila", ["Kabila"], roles=[HOS("COD", "2001-01-26", "2019-01-24")])
P("Robert Mugabe", ["Mugabe"], roles=[HOS("ZWE", "1987-12-31", "2017-11-21")])
P("Emmerson Mnangagwa", ["Mnangagwa"], roles=[HOS("ZWE", "2017-11-24")])

# ---------------------------------------------------------------- Latin America, Cuba
P("Hugo Chávez", ["Hugo Chavez", "Chávez", "Chavez"], roles=PRES("VEN", "1999-02-02", "2013-03-05"))
P("Nicolás Maduro", ["Nicolas Maduro", "Maduro"], roles=PRES("VEN", "2013-03-05"))
P("Fidel Castro", [], roles=[HOS("CUB", "1976-12-02", "2008-02-24")])
P("Raúl Castro", ["Raul Castro"], roles=[HOS("CUB", "2008-02-24", "2018-04-19")])
P("Miguel Díaz-Canel", ["Miguel Diaz-Canel", "Díaz-Canel", "Diaz-Canel"],
  roles=[HOS("CUB", "2018-04-19")])
P("Gustavo Petro", [], roles=PRES("COL", "2022-08-07", "2026-08-07"))
P("Gabriel Boric", ["Boric"], roles=PRES("CHL", "2022-03-11", "2026-03-11"))

# ---------------------------------------------------------------- Breakaway entities
P("Alexander Zakharchenko", ["Zakharchenko"], ["Alexander Sachartschenko", "Sachartschenko"],
  roles=[HOS("DPR", "2014-08-07", "2018-08-31")])
P("Denis Pushilin", ["Pushilin"], ["Denis Puschilin", "Puschilin"],
  roles=[HOS("DPR", "2018-09-07")])
P("Leonid Pasechnik", ["Pasechnik"], ["Leonid Passetschnik", "Passetschnik", "Pasechnik"],
  roles=[HOS("LPR", "2017-11-24")])

# ---------------------------------------------------------------- Holy See
P("Pope John Paul II", ["John Paul II"], ["Papst Johannes Paul II.", "Johannes Paul II."],
  roles=[HOS("VAT", "1978-10-16", "2005-04-02")])
P("Pope Benedict XVI", ["Benedict XVI", "Joseph Ratzinger"],
  ["Papst Benedikt XVI.", "Benedikt XVI.", "Joseph Ratzinger"],
  roles=[HOS("VAT", "2005-04-19", "2013-02-28")])
P("Pope Francis", ["Jorge Mario Bergoglio"], ["Papst Franziskus", "Franziskus", "Jorge Mario Bergoglio"],
  roles=[HOS("VAT", "2013-03-13", "2025-04-21")])
P("Pope Leo XIV", ["Leo XIV", "Robert Francis Prevost", "Robert Prevost"],
  ["Papst Leo XIV.", "Leo XIV.", "Robert Francis Prevost", "Robert Prevost"],
  roles=[HOS("VAT", "2025-05-08")])

# ---------------------------------------------------------------- International organisations
P("Kofi Annan", ["Annan"], roles=[("UN", "secretary_general", "1997-01-01", "2006-12-31")])
P("António Guterres", ["Antonio Guterres", "Guterres"],
  roles=[HOG("PRT", "1995-10-28", "2002-04-06"), ("UN", "secretary_general", "2017-01-01", "")])
P("George Robertson", ["Lord Robertson"], roles=[("NATO", "secretary_general", "1999-10-14", "2003-12-17")])
P("Jaap de Hoop Scheffer", ["De Hoop Scheffer"],
  roles=[("NATO", "secretary_general", "2004-01-01", "2009-08-01")])
P("José Manuel Barroso", ["Jose Manuel Barroso", "Barroso", "José Manuel Durão Barroso"],
  roles=[HOG("PRT", "2002-04-06", "2004-07-17"),
         ("EU", "commission_president", "2004-11-22", "2014-10-31")])
P("Ursula von der Leyen", ["von der Leyen", "Von der Leyen"],
  roles=[("EU", "commission_president", "2019-12-01", "")])
P("Herman Van Rompuy", ["Van Rompuy"], roles=[("EU", "council_president", "2009-12-01", "2014-11-30")])
P("António Costa", ["Antonio Costa"],
  roles=[HOG("PRT", "2015-11-26", "2024-04-02"), ("EU", "council_president", "2024-12-01", "")])
P("Javier Solana", [],
  roles=[("NATO", "secretary_general", "1995-12-05", "1999-10-06"),
         ("EU", "high_representative", "1999-10-18", "2009-11-30")])
P("Catherine Ashton", [], roles=[("EU", "high_representative", "2009-12-01", "2014-10-31")])
P("Federica Mogherini", ["Mogherini"], roles=[("EU", "high_representative", "2014-11-01", "2019-11-30")])
P("Josep Borrell", ["Borrell"], roles=[("EU", "high_representative", "2019-12-01", "2024-11-30")])
P("Christine Lagarde", ["Lagarde"],
  roles=[("IMF", "managing_director", "2011-07-05", "2019-09-12"), ("ECB", "president", "2019-11-01", "")])
P("Kristalina Georgieva", ["Georgieva"], ["Kristalina Georgiewa", "Georgiewa", "Kristalina Georgieva"],
  roles=[("IMF", "managing_director", "2019-10-01", "")])
P("Tedros Adhanom Ghebreyesus", ["Tedros Adhanom", "Tedros"],
  roles=[("WHO", "director_general", "2017-07-01", "")])
P("Mohamed ElBaradei", ["ElBaradei", "Mohamed El Baradei"], ["Mohammed el-Baradei", "el-Baradei", "ElBaradei"],
  roles=[("IAEA", "director_general", "1997-12-01", "2009-11-30")])
P("Yukiya Amano", ["Amano"], roles=[("IAEA", "director_general", "2009-12-01", "2019-07-18")])
P("Rafael Grossi", ["Rafael Mariano Grossi", "Grossi"],
  roles=[("IAEA", "director_general", "2019-12-03", "")])
P("David Beasley", [], roles=[("WFP", "executive_director", "2017-04-04", "2023-04-04")])
P("Cindy McCain", [], roles=[("WFP", "executive_director", "2023-04-05", "")])
P("Ngozi Okonjo-Iweala", ["Okonjo-Iweala"], roles=[("WTO", "director_general", "2021-03-01", "")])
P("Ajay Banga", [], roles=[("WB", "president", "2023-06-02", "")])
P("Filippo Grandi", [], roles=[("UNHCR", "high_commissioner", "2016-01-01", "2025-12-31")])
P("Fatou Bensouda", ["Bensouda"], roles=[("ICC", "prosecutor", "2012-06-15", "2021-06-15")])
P("Karim Khan", ["Karim A. A. Khan", "Karim Ahmad Khan"], roles=[("ICC", "prosecutor", "2021-06-16", "")])
P("Moussa Faki Mahamat", ["Moussa Faki"], roles=[("AU", "commission_chairperson", "2017-03-14", "2025-02-15")])
P("Volker Türk", ["Volker Turk"], roles=[("OHCHR", "high_commissioner", "2022-10-17", "")])
P("Philippe Lazzarini", ["Lazzarini"], roles=[("UNRWA", "commissioner_general", "2020-03", "")])
