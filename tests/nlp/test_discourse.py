"""Document-level relations (nlp/discourse.py) and the name links that feed them:
participants of a story's single project, its researchers, shortened names, acronyms
with a tail, and the typing fixes that keep funders and events out. Invented names."""

from __future__ import annotations

from nlp_helpers import names, rels, run_rules, with_ents

from nlp.components.entities import _pieces
from nlp.discourse import body_end
from nlp.lexicon import lexicon
from nlp.textutil import sentences, type_cue

STORY = (
    "Norrland Freight Systems unveils Tidewatch\n\n"
    "Norrland Freight Systems will lead Tidewatch, a $3-million project to forecast port congestion. "
    "The company teams up with Quillon Analytics Inc. and Université de Rimouski-Est on the project. "
    "The Axelia cluster invests $1.2 million in Tidewatch. "
    "Vantor Robotics Inc. is not part of the project, but its staff will attend the workshops. "
    "\"This changes how we plan,\" said Hélène Marchand, chief executive of Brasko Shipping Inc., a client.\n\n"
    "About Norrland Freight Systems\n"
    "Norrland Freight Systems works with Pelican Logistics Inc. on the project of a new terminal.\n"
)


def test_organizations_named_with_the_single_project_take_part():
    r = rels(run_rules(STORY, "en"))
    assert ("LEADS", "Norrland Freight Systems", "Tidewatch") in r
    assert ("PARTICIPATES_IN", "Quillon Analytics Inc", "Tidewatch") in r
    assert ("PARTICIPATES_IN", "Université de Rimouski-Est", "Tidewatch") in r
    parts = {s for t, s, o in r if t == "PARTICIPATES_IN"}
    assert "Vantor Robotics Inc." not in parts  # "is not part of the project"
    assert "Pelican Logistics Inc." not in parts  # the boilerplate is not read
    assert not any(s == "Axelia" and t == "PARTICIPATES_IN" for t, s, o in r)  # a funder


def test_no_discourse_links_when_the_document_has_several_projects():
    text = ("Acme Robotics Inc. leads Harbourline, a $2-million project. Bolt Sensors Inc. leads Dockside, "
            "a $1-million project. Quillon Analytics Inc. wrote about Harbourline and Dockside in its newsletter.")
    r = rels(run_rules(text, "en"))
    assert not any(s == "Quillon Analytics Inc." for t, s, o in r if t == "PARTICIPATES_IN")


def test_boilerplate_starts_at_the_about_heading_not_in_the_lead():
    text = "About time: Acme launches Tidewatch.\n\n" + "Body sentence. " * 40 + "\n\nAbout Acme\nAcme makes things."
    assert body_end(text) == text.index("About Acme")


def test_researchers_of_a_participating_university_take_part_executives_do_not():
    text = STORY.replace(
        "The Axelia cluster",
        "Marc-Olivier Tessier, a professor at Université de Rimouski-Est, will build the models. The Axelia cluster")
    r = rels(run_rules(text, "en"))
    assert ("AFFILIATED_WITH", "Marc-Olivier Tessier", "Université de Rimouski-Est") in r
    assert ("PARTICIPATES_IN", "Marc-Olivier Tessier", "Tidewatch") in r
    assert not any(s == "Hélène Marchand" for t, s, o in r if t == "PARTICIPATES_IN")


def test_a_short_form_after_the_full_name_is_the_same_organization():
    text = ("Brennock Precision Components Inc., a maker of engine parts, will lead Gearwatch, a $2-million project. "
            "Brennock teams up with Quillon Analytics Inc. on the project.")
    ex = run_rules(text, "en")
    orgs = [e for e in ex.entities if e.name.startswith("Brennock")]
    assert len(orgs) == 1 and "Brennock" in orgs[0].aliases


def test_a_short_form_named_first_stays_its_own_organization():
    text = ("Annual report\n\n" + "The year in review. " * 25 + "\n\nPartners: Corvane, Quillon Analytics Inc.\n\n"
            "Later in the year, Corvane Business Jets joined another group.")
    ex = with_ents(text, "en", [("Corvane", "ORG"), ("Corvane Business Jets", "ORG")])
    assert {"Corvane", "Corvane Business Jets"} <= names(ex)


def test_a_university_named_without_of_has_its_bare_short_form():
    text = ("Kestrelwood University and Acme Robotics Inc. are partnering. Kestrelwood will host the lab. "
            "University of Marlow researchers, based in Marlow, joined.")
    ex = with_ents(text, "en", [("Kestrelwood University", "ORG"), ("Kestrelwood", "ORG"),
                                 ("University of Marlow", "ORG"), ("Marlow", "ORG")])
    uni = next(e for e in ex.entities if e.name == "Kestrelwood University")
    assert "Kestrelwood" in uni.aliases
    marlow = next(e for e in ex.entities if e.name == "University of Marlow")
    assert "Marlow" not in marlow.aliases  # "of": the short form is a place as well


def test_an_acronym_followed_by_the_same_words_is_an_alias():
    text = ("Le Centre hospitalier universitaire Val-des-Brumes mène le projet. "
            "Le CHU Val-des-Brumes compte trois hôpitaux.")
    ex = with_ents(text, "fr", [("Centre hospitalier universitaire Val-des-Brumes", "ORG"),
                                 ("CHU Val-des-Brumes", "ORG")])
    chu = [e for e in ex.entities if "Val-des-Brumes" in e.name]
    assert len(chu) == 1 and "CHU Val-des-Brumes" in {chu[0].name, *chu[0].aliases}



def test_a_lowercase_group_word_before_a_name_is_not_part_of_it():
    text = "L'université signe un contrat avec le groupe Arvalis. Arvalis investira 3 M$."
    ex = with_ents(text, "fr", [("groupe Arvalis", "ORG"), ("Arvalis", "ORG")])
    assert [e.name for e in ex.entities if "Arvalis" in e.name] == ["Arvalis"]

def test_an_event_named_after_its_noun_is_not_an_organization():
    text = "Les résultats seront présentés au congrès Logistrak Québec, en novembre, par Acme Robotique inc."
    ex = with_ents(text, "fr", [("Logistrak Québec", "ORG")])
    assert "Logistrak Québec" not in names(ex)


def test_a_possessive_university_name_is_read_whole():
    text = "Partners include Bishopsgate's University and others."
    s = text.index("Bishopsgate")
    assert _pieces(text, s, s + len("Bishopsgate"), "ORG", lexicon("en")) == [(s, s + len("Bishopsgate's University"))]


def test_regional_agencies_and_provincial_ministries_are_governments():
    en, fr = lexicon("en"), lexicon("fr")
    assert type_cue("Prairies Economic Development Canada", en) == ("Organization", "government")
    assert type_cue("Quebec Ministry of Transport and Sustainable Mobility", en) == ("Organization", "government")
    assert type_cue("Développement économique Canada pour les régions du Québec", fr) == ("Organization", "government")
    assert type_cue("Fonds Laurentides Croissance", en) == ("Organization", "investor")


def test_a_sentence_ends_at_a_closing_guillemet_after_a_space():
    text = "« Nous y croyons. » Acme collabore avec Bolt."
    assert [text[a:b] for a, b in sentences(text)] == ["« Nous y croyons.", "Acme collabore avec Bolt."]


def test_a_funding_recipient_leads_the_project_it_is_funded_for():
    text = ("- Menuiserie Vallon inc. reçoit une contribution de 850 000 $ pour mener le projet Atelier agile, "
            "qui permettra de planifier la production.")
    r = rels(run_rules(text, "fr"))
    assert ("LEADS", "Menuiserie Vallon", "Atelier agile") in r


def test_quoted_and_possessive_project_names():
    fr = run_rules("Le consortium lance le projet « Cuvée », dirigé par Vinicole Sorel inc.", "fr")
    assert "Cuvée" in names(fr, "Project")
    en = run_rules("Norrland Freight Systems's Tidewatch project is led by Norrland Freight Systems.", "en")
    assert "Tidewatch" in names(en, "Project")


def test_a_person_span_before_a_legal_form_is_a_company():
    text = "Ébénisterie Vallon inc. agrandit son usine. Ébénisterie Vallon emploie 40 personnes."
    ex = with_ents(text, "fr", [("Ébénisterie Vallon", "PER"), ("Ébénisterie Vallon", "PER")])
    assert "Ébénisterie Vallon" in names(ex, "Organization")
    assert "Ébénisterie Vallon" not in names(ex, "Person")


def test_a_side_partnership_in_a_project_sentence_is_not_participation():
    text = ("Épiceries Marvel dévoile Rayon 360, un projet de prévision des commandes. "
            "Rayon 360 nous permet d'aller plus loin, et l'Institut Lumen collabore par ailleurs depuis 2023 "
            "avec l'Université de Rimouski.")
    r = rels(run_rules(text, "fr"))
    assert ("PARTNERS_WITH", "Institut Lumen", "Université de Rimouski") in r
    assert not any(t == "PARTICIPATES_IN" and s in ("Institut Lumen", "Université de Rimouski") for t, s, o in r)


PROJECT_PAGE = (
    "Le projet\n\nLe projet Borex prévoit les pannes des cuves. Piloté par Alumineries Nordet inc., "
    "le projet a débuté en 2023.\n\n"
    "Partenaires\n\n"
    "Alumineries Nordet inc. — partenaire industriel principal. Elle donne accès à ses usines.\n\n"
    "Institut national de recherche en procédés (INRP) — apprentissage automatique.\n\n"
    "Fluxar — jeune pousse québécoise.\n\n"
    "Financement\n\n"
    "Bailleur de fonds | Contribution\n\n"
    "Fonds Nordique | 600 000 $\n\n"
    "Partenaires industriels (espèces et nature) | 1 370 000 $\n"
)


def test_items_under_a_partners_heading_take_part_in_the_page_project():
    r = rels(run_rules(PROJECT_PAGE, "fr"))
    assert ("LEADS", "Alumineries Nordet inc", "Borex") in r
    assert ("PARTICIPATES_IN", "Institut national de recherche en procédés", "Borex") in r
    assert ("PARTICIPATES_IN", "Fluxar", "Borex") in r
    assert not any(s == "Financement" for _, s, _ in r)  # the next heading ends the list


def test_a_funding_table_row_funds_the_project():
    ex = run_rules(PROJECT_PAGE, "fr")
    r = rels(ex)
    assert ("FUNDS", "Fonds Nordique", "Borex") in r
    assert not any("Partenaires industriels" in n for n in names(ex))


def test_numbered_project_titles_lose_their_number():
    text = ("Funded projects\n\n1. Tide Forecasting for Small Ports\n"
            "Lead: Saltwick Terminals Inc.\nPartners: Quillon Analytics Inc.\n\n"
            "2. Yard Planning at Rail Hubs\nLead: Norrland Freight Systems\n")
    ex = run_rules(text, "en")
    assert {"Tide Forecasting for Small Ports", "Yard Planning at Rail Hubs"} <= names(ex, "Project")


def test_a_name_after_dubbed_is_a_project_even_when_ner_says_person():
    text = ("Halvard Trucking is partnering with Veritrack AI on a three-year effort dubbed Project Kestrel Ridge. "
            "Halvard Trucking will lead Kestrel Ridge.")
    ex = with_ents(text, "en", [("Kestrel Ridge", "PER"), ("Kestrel Ridge", "PER")])
    proj = [e for e in ex.entities if e.type.value == "Project"]
    assert len(proj) == 1 and {"Project Kestrel Ridge", "Kestrel Ridge"} <= {proj[0].name, *proj[0].aliases}
    assert ("LEADS", "Halvard Trucking", proj[0].name) in rels(ex)
    assert not names(ex, "Person")


def test_a_project_appositive_is_not_a_role():
    ex = run_rules("Amélie Sorel, a project manager at Quillon Analytics Inc., spoke first.", "en")
    assert not names(ex, "Project")


def test_partners_stated_by_the_work_they_will_do():
    text = ("Norrland Freight Systems is leading Tidewatch, a $3-million project to forecast port congestion. "
            "The consortium brings together an unusual mix of players. "
            "Quillon Analytics Inc., a Toronto software company, will supply the forecasting platform. "
            "Researchers at Université de Rimouski-Est will test the predictions, while Vantor Robotics Inc. "
            "will build the sensors. Pelican Logistics Inc. reported record profits.")
    r = rels(run_rules(text, "en"))
    for org in ("Quillon Analytics Inc", "Université de Rimouski-Est", "Vantor Robotics Inc"):
        assert any(t == "PARTICIPATES_IN" and s.startswith(org) and o == "Tidewatch" for t, s, o in r), org
    assert not any(s.startswith("Pelican") for t, s, o in r)


def test_a_release_with_two_projects_reads_them_section_by_section():
    text = ("Axelia announces two projects.\n\n"
            "Tidewatch: fewer delays\n\n"
            "Led by carrier Norrland Freight Systems, Tidewatch will forecast port congestion. "
            "Quillon Analytics Inc. will build the models.\n\n"
            "Dockline: smarter berths\n\n"
            "The second project, Dockline, is headed by Saltwick Terminals Inc. in Halifax. "
            "Vantor Robotics Inc. will develop the cranes' software.")
    r = rels(run_rules(text, "en"))
    assert ("LEADS", "Norrland Freight Systems", "Tidewatch") in r
    assert ("LEADS", "Saltwick Terminals Inc", "Dockline") in r
    assert any(t == "PARTICIPATES_IN" and s.startswith("Quillon") and o == "Tidewatch" for t, s, o in r)
    assert any(t == "PARTICIPATES_IN" and s.startswith("Vantor") and o == "Dockline" for t, s, o in r)
    assert not any(s.startswith("Quillon") and o == "Dockline" for t, s, o in r)


def test_a_name_cut_short_at_the_same_place_is_the_longer_name():
    text = "A team led by Professor Ana Ruiz at École de génie des procédés (EGP) will explain the models."
    ex = with_ents(text, "fr", [("École", "ORG")])
    unis = [e for e in ex.entities if e.type.value in ("University", "Organization")]
    assert len(unis) == 1 and unis[0].name == "École de génie des procédés"


def test_quoted_sentence_case_and_self_typed_project_names():
    fr = run_rules("Scale AI investit 3 M$ dans « Rayons sans faille », un projet de 9 M$ mené par Épiceries Vallon inc.",
                   "fr")
    assert "Rayons sans faille" in names(fr, "Project")
    fr2 = run_rules("Construction Vallon inc. lance le projet Planification agile des chantiers, qui vise à "
                    "prédire les retards. Le projet est mené par Construction Vallon inc.", "fr")
    assert "Planification agile des chantiers" in names(fr2, "Project")
    en = run_rules("Veritrack AI will join Project Lodestone, a three-year R&D effort led by Norrland Freight Systems.",
                   "en")
    assert {"Project Lodestone"} <= names(en, "Project")
    assert ("LEADS", "Norrland Freight Systems", "Project Lodestone") in rels(en)


def test_a_quotation_is_not_a_project_name():
    ex = run_rules("« Nous y croyons », a dit la directrice d'Épiceries Vallon inc., qui dirige le projet.", "fr")
    assert not names(ex, "Project")


def test_a_subtitle_after_a_colon_is_not_part_of_the_name():
    ex = run_rules("Veritrack AI announced ColdLine: Trustworthy AI for Vaccines, a three-year research project "
                   "led by Norrland Freight Systems.", "en")
    assert "ColdLine" in names(ex, "Project")


def test_co_investigators_named_with_a_partner_take_part():
    text = ("Norrland Freight Systems is leading Tidewatch, a $3-million project. The project is carried out with "
            "Université de Rimouski-Est. Her co-investigators are Ana Ruiz (Université de Rimouski-Est) and Li Wen.")
    ex = with_ents(text, "en", [("Ana Ruiz", "PER"), ("Li Wen", "PER")])
    r = rels(ex)
    assert ("PARTICIPATES_IN", "Ana Ruiz", "Tidewatch") in r


def test_roles_given_as_is_a_role_at_and_as_a_possessive():
    r = rels(with_ents("Lena Morrow is a staff reporter at Quillon Analytics Inc. and covers the region.", "en",
                        [("Lena Morrow", "PER")]))
    assert any(t == "AFFILIATED_WITH" and s == "Lena Morrow" and o.startswith("Quillon") for t, s, o in r)
    ex = run_rules("Grace Oyel, Quillon Analytics Inc.'s chief executive, said the company was ready.", "en")
    aff = [(x.role, x.source) for x in ex.relations if x.type.value == "AFFILIATED_WITH"]
    assert aff and aff[0][0] == "chief executive"


def test_two_titled_founders_are_people_not_an_organization():
    text = "Founded in 2020 by CEO Maëlle Sorel and CTO Tobias Renner, Fathomix builds yard software."
    ex = with_ents(text, "en", [("CEO Maëlle Sorel", "ORG"), ("Tobias Renner", "PER"), ("Fathomix", "ORG")])
    assert {"Maëlle Sorel", "Tobias Renner"} <= names(ex, "Person")
    assert not any("Sorel" in n for n in names(ex, "Organization"))


def test_a_hospital_named_without_its_noun_is_the_same_hospital():
    text = ("Two hospitals, Kawartha Lakes Hospital and Bayfield General Hospital, will join as pilot sites. "
            "Thomas Leclair, chief executive of Bayfield General, said it could never build this alone.")
    ex = with_ents(text, "en", [("Kawartha Lakes Hospital", "ORG"), ("Bayfield General Hospital", "ORG"),
                                 ("Thomas Leclair", "PER"), ("Bayfield General", "ORG")])
    hosp = [e for e in ex.entities if e.name.startswith("Bayfield")]
    assert len(hosp) == 1 and {"Bayfield General", "Bayfield General Hospital"} <= {hosp[0].name, *hosp[0].aliases}
