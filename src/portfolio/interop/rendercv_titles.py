"""What a RenderCV section's title says its entries are, in several languages.

RenderCV's section titles are free text ("Experience", "Berufserfahrung", "受賞"), and
its entries say only their shape: a normal entry (a name, dates, a summary) may be a
project, an award, a certification or a talk. The title decides: `section_kind`
finds the first kind (in the order of `SECTION_WORDS`) one of whose words starts a
word of the title (`Auszeichnungen` for `auszeichnung`) or, for a script written
without spaces, that the title holds.
"""

from __future__ import annotations

import re

SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "summary": ("summary", "profile", "about", "objective", "overview", "zusammenfassung",
                "profil", "über mich", "kurzprofil", "à propos", "perfil", "resumen",
                "sobre mí", "sobre mim", "acerca de", "profilo", "sommario", "o mnie",
                "podsumowanie", "о себе", "резюме", "профиль", "概要", "自己紹介", "简介",
                "个人简介", "소개", "요약", "hakkımda", "özet", "نبذة", "ملخص"),
    "volunteer": ("volunt", "ehrenamt", "bénévol", "benevol", "volont", "wolontari",
                  "волонт", "ボランティア", "志愿", "봉사", "gönüllü", "تطوع"),
    "awards": ("award", "honor", "honour", "prize", "distinction", "auszeichnung", "preis",
               "ehrung", "prix", "récompense", "premio", "prêmio", "prémio", "premi",
               "reconocimiento", "riconosciment", "onorificenz", "nagrod", "wyróżnien",
               "наград", "преми", "受賞", "表彰", "获奖", "奖项", "荣誉", "수상", "ödül",
               "جوائز", "جائزة"),
    "certificates": ("certif", "licens", "licenc", "zertifi", "certyfikat", "сертифик",
                     "資格", "认证", "证书", "자격", "sertifika", "شهادات"),
    "publications": ("publication", "paper", "article", "patent", "veröffentlich",
                     "publikation", "publicaci", "publicaç", "pubblicazion", "brevet",
                     "publikacj", "публикац", "патент", "論文", "出版", "特許", "论文",
                     "专利", "논문", "특허", "yayın", "منشورات"),
    "talks": ("talk", "presentation", "speaking", "keynote", "lecture", "vortr", "vorträg",
              "conférence", "présentation", "charla", "ponencia", "palestra", "interventi",
              "wystąpien", "доклад", "выступлен", "講演", "演讲", "발표", "konuşma", "sunum"),
    "courses": ("course", "training", "kurs", "weiterbildung", "schulung", "curso", "corsi",
                "corso", "szkoleni", "курс", "研修", "课程", "培训", "강좌"),
    "projects": ("project", "projekt", "projet", "proyecto", "projeto", "progett", "проект",
                 "プロジェクト", "项目", "프로젝트", "proje"),
    "experience": ("experience", "employment", "work", "career", "berufserfahrung",
                   "erfahrung", "beruf", "expérience", "experiencia", "experiência",
                   "esperienz", "doświadczeni", "опыт", "職歴", "経歴", "工作经历", "经历",
                   "경력", "deneyim", "خبرة"),
    "education": ("education", "bildung", "ausbildung", "studium", "formation", "éducation",
                  "educación", "formación", "formação", "educação", "istruzione",
                  "formazione", "wykształceni", "образовани", "学歴", "教育", "学历",
                  "학력", "eğitim", "تعليم"),
    "skills": ("skill", "programming", "technical", "tool", "kenntnis", "fähigkeit",
               "kompetenz", "compétence", "habilidad", "competencia", "competência",
               "competenz", "umiejętnoś", "навык", "スキル", "技能", "技术", "기술",
               "yetenek", "beceri", "مهارات"),
    "languages": ("language", "sprache", "langue", "idioma", "lingu", "język", "язык",
                  "言語", "语言", "언어", "diller", "لغات"),
    "interests": ("interest", "hobb", "interess", "intérêt", "loisir", "interés", "aficion",
                  "zainteresowan", "интерес", "хобби", "趣味", "兴趣", "爱好", "관심", "취미",
                  "ilgi alan", "hobi", "اهتمامات"),
}  # fmt: skip
# How the report names each kind.
KIND_NAMES = {
    "summary": "the summary", "volunteer": "volunteering", "awards": "awards",
    "certificates": "certifications", "publications": "publications", "talks": "talks",
    "courses": "courses", "projects": "projects", "experience": "positions",
    "education": "education", "skills": "skills", "languages": "languages",
    "interests": "interests",
}  # fmt: skip


def _pattern(word: str) -> re.Pattern[str]:
    """A word of Latin, Greek or Cyrillic script starts a word of the title; any other
    (Chinese, Japanese, Korean, Arabic) may stand anywhere in it."""
    if all(c.isascii() or "\u00c0" <= c <= "\u04ff" or c == " " for c in word):
        return re.compile(rf"(?<!\w){re.escape(word)}")
    return re.compile(re.escape(word))


_PATTERNS = [(kind, _pattern(w)) for kind, words in SECTION_WORDS.items() for w in words]


def section_kind(title: str) -> str | None:
    """What a section's title says its entries are (a key of `SECTION_WORDS`), or None."""
    said = " ".join(str(title).replace("_", " ").casefold().split())
    return next((kind for kind, pattern in _PATTERNS if pattern.search(said)), None)
