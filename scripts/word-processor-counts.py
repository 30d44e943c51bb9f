#!/usr/bin/python3
"""Has a real word processor count the words of the seed responses' long answers.

Writes tests/fixtures/word-processor-counts.json: each text with the word count LibreOffice
Writer gives it (its document statistics, what Tools > Word Count shows), and which LibreOffice
counted. Where LibreOffice counts differently from Word's rule (a dash or `&` standing alone,
`2018–2024`; see app/questionnaire/word-processor.test-helper.ts), LibreOffice also counts the
text without those differences. app/questionnaire/word-count.word-processor.test.ts holds the
portal's counter to those counts (decision 016). The texts are copied into the fixture, so the
test needs nothing else.

The texts: every long-text answer of the four seed responses (prisma/seed-data/msq2020, the
same files as ../shared/msq/2020/responses, as the importer reads them), and the paragraphs in
OWN_TEXTS below (Arabic, Chinese, Russian, French, English, Japanese, Korean, Thai: hyphens,
dashes, numbers such as 16.6.2, URLs, addresses, punctuation standing alone), gathered by
scripts/word-processor-texts.ts.

Needs LibreOffice and its Python bridge, from Debian (not from PyPI):
    apt-get install -y --no-install-recommends libreoffice-writer-nogui python3-uno
Run from the repository's root with Debian's Python (the one python3-uno is built for), after
`npm ci`:
    /usr/bin/python3 scripts/word-processor-counts.py
It starts a headless LibreOffice with a throw-away profile (so the count uses LibreOffice's
default options), and stops it when done. CI does not run it: CI has no LibreOffice. Rerun it
when the seed responses, the importer's reading of them or OWN_TEXTS change, and commit the
fixture.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno  # python3-uno
from com.sun.star.beans import PropertyValue

FIXTURE = "tests/fixtures/word-processor-counts.json"

# Paragraphs of our own, as focal points write them: each language's usual punctuation,
# hyphenated words, numbers, URLs and addresses, and what word processors treat differently.
OWN_TEXTS = [
    (
        "own: English, hyphens, numbers, URLs",
        "Our e-government strategy 2021-2025 sets out a whole-of-government, cross-agency and "
        "multi-stakeholder approach. SDG indicator 16.6.2 stood at 71.5% in 2019; 1,250 services "
        "are online at https://www.gov.example/services?lang=en and questions go to "
        "egov-help@ict.gov.example. The CIO's office (e.g. its open-data team) publishes "
        "quarterly reports.",
    ),
    (
        "own: English, a list with bullets and an unspaced en dash",
        "Priorities for 2018–2024:\n• digital ID for every citizen\n• e-payments & e-invoicing\n"
        "• 100 % of services online – by the end of the plan",
    ),
    (
        "own: English, dashes and symbols standing alone",
        "The portal - launched in 2016 - covers 3,500 km² of rural districts; see item #4 "
        "(p. 12) ... and the annex / appendix.",
    ),
    (
        "own: French, typography without spaces inside",
        "La stratégie nationale d'administration électronique 2020-2024 vise une approche "
        "pangouvernementale. Les services en ligne sont sur https://www.service-public.fr et les "
        "données ouvertes sur data.gouv.fr. L'indicateur 16.6.2 des objectifs de développement "
        "durable atteint 72,5%. Écrivez à contact@numerique.gouv.fr pour les partenariats "
        "public-privé.",
    ),
    (
        "own: French, spaces before : ; and inside « »",
        "Les priorités sont les suivantes : l'identité numérique, la dématérialisation des "
        "démarches et l'accompagnement des usagers ; le programme « France Num » forme 30 000 "
        "agents par an. Qui coordonne ? La DINUM – direction interministérielle du numérique.",
    ),
    (
        "own: Arabic",
        "تعمل الحكومة على تنفيذ الاستراتيجية الوطنية للحكومة الإلكترونية 2020-2025، وتتيح أكثر "
        "من 500 خدمة عبر البوابة الوطنية https://www.hukoomi.gov.qa. وبلغت نسبة رضا المستخدمين "
        "78٪ وفق المؤشر 16.6.2 من أهداف التنمية المستدامة. للتواصل: info@mcit.gov.qa",
    ),
    (
        "own: Arabic, a hyphen standing alone",
        "أطلقت الوزارة منصة البيانات المفتوحة - وهي جزء من برنامج التحول الرقمي - وتنشر عليها "
        "أكثر من 1,200 مجموعة بيانات، ومنها بيانات الصحة والتعليم والنقل.",
    ),
    (
        "own: Russian",
        "Национальная программа «Цифровая экономика Российской Федерации» реализуется с 2019 "
        "года. Портал госуслуг https://www.gosuslugi.ru обслуживает более 78 млн пользователей, "
        "а показатель ЦУР 16.6.2 составил 76,5%. Вопросы можно направить по адресу "
        "info@digital.gov.ru; онлайн-консультации и т.п. доступны круглосуточно.",
    ),
    (
        "own: Russian, spaced dashes and a sign standing alone",
        "Межведомственное взаимодействие – система СМЭВ – объединяет 1 200 ведомств; "
        "постановление № 697 и приказ № 21 определяют порядок.",
    ),
    (
        "own: Chinese, full-width punctuation",
        "各级政府通过微信公众号和政务微博发布信息，回应公众关切。2019年，省级政府网站的在线办事率达到95%以上，"
        "国家政务服务平台（https://gjzwfw.www.gov.cn）已接入31个省级平台；咨询请发送邮件至service@gov.cn。",
    ),
    (
        "own: Chinese, quotation marks, a plus and dashes",
        "国家大力推进“互联网+政务服务”，实现“一网通办”。《国家信息化发展战略纲要》提出，到2025年——"
        "即“十四五”末期——可持续发展目标指标16.6.2的满意度达到85%。",
    ),
    (
        "own: Japanese",
        "日本の電子政府戦略では、マイナンバーカードを活用したオンライン申請を2025年までに全国で実現する。"
        "詳しくはhttps://www.digital.go.jpをご覧ください。",
    ),
    (
        "own: Korean",
        "전자정부 서비스는 정부24 포털(https://www.gov.kr)에서 제공되며, 2020년 이용자 만족도는 "
        "85%였다.",
    ),
    (
        "own: Thai",
        "รัฐบาลดิจิทัลของประเทศไทยให้บริการออนไลน์ผ่านเว็บไซต์ https://www.egov.go.th "
        "ตั้งแต่ปี 2562",
    ),
]


def texts_to_count():
    """The seed responses' long answers and OWN_TEXTS, each without LibreOffice's differences."""
    out = subprocess.run(
        ["npx", "tsx", "scripts/word-processor-texts.ts"],
        input=json.dumps(OWN_TEXTS),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)


def start_office(profile):
    """A headless LibreOffice on a pipe, with a fresh profile; its process and component context."""
    pipe = "word_processor_counts_%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "--headless",
            "--invisible",
            "--nologo",
            "--norestore",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--accept=pipe,name=%s;urp;" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(240):
        try:
            url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
            return office, resolver.resolve(url)
        except Exception:  # not listening yet
            time.sleep(0.25)
    office.kill()
    sys.exit("LibreOffice did not start")


def setting(context, node, name):
    """A value of LibreOffice's configuration, e.g. the product version."""
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    path = PropertyValue()
    path.Name = "nodepath"
    path.Value = node
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess", (path,)
    )
    return access.getPropertyValue(name)


def count_words(desktop, text):
    """LibreOffice's word count of `text` in a new Writer document (a paragraph per line)."""
    hidden = PropertyValue()
    hidden.Name = "Hidden"
    hidden.Value = True
    document = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, (hidden,))
    try:
        document.Text.setString(text)
        # The document's statistics, brought up to date when read (what Tools > Word Count shows).
        return document.getPropertyValue("WordCount")
    finally:
        document.close(True)


def main():
    if not os.path.exists("package.json"):
        sys.exit("run this from the repository's root")
    texts = texts_to_count()
    profile = tempfile.mkdtemp(prefix="word-processor-counts-")
    office, context = start_office(profile)
    try:
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        version = setting(context, "/org.openoffice.Setup/Product", "ooSetupVersionAboutBox")
        separators = setting(
            context, "/org.openoffice.Office.Writer/WordCount", "AdditionalSeparators"
        )
        entries = []
        for text in texts:
            entry = {
                "source": text["source"],
                "text": text["text"],
                "count": count_words(desktop, text["text"]),
            }
            if "withoutDifferences" in text:
                entry["withoutDifferences"] = {
                    "text": text["withoutDifferences"],
                    "count": count_words(desktop, text["withoutDifferences"]),
                }
            entries.append(entry)
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as LibreOffice quits
            pass
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)

    fixture = {
        "about": "Word counts of LibreOffice Writer (document statistics), written by "
        "scripts/word-processor-counts.py; checked by "
        "app/questionnaire/word-count.word-processor.test.ts (decision 016).",
        "countedBy": {
            "program": "LibreOffice Writer",
            "version": version,
            "how": "a new Writer document per text (a paragraph per line), its WordCount",
            "additionalSeparators": separators,
        },
        "texts": entries,
    }
    with open(FIXTURE, "w", encoding="utf-8") as out:
        json.dump(fixture, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print("%s: %d texts counted by LibreOffice %s" % (FIXTURE, len(entries), version))


if __name__ == "__main__":
    main()
