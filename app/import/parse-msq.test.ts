import { describe, expect, it } from "vitest";
import { fieldKeys, findQuestion } from "~/questionnaire";
import { msq2020 } from "~/questionnaire/msq2020.test-helper";
import {
  answerProblems,
  FILES,
  NOT_A_RESPONSE,
  parseFile,
  readDocument,
  warningsFor,
} from "./documents.test-helper";
import { inEnglish } from "./messages.test-helper";
import { parseMsqDocument } from "./parse-msq";

// What a careful person reads in each completed questionnaire.

function optionKeys(key: string): string[] {
  const question = findQuestion(msq2020, key);
  return question?.type === "multi" ? question.options.map((o) => o.key) : [];
}

describe.each(Object.entries(FILES))("%s: every answer", (_, file) => {
  const result = parseFile(file);

  it("has every key of the definition, and nothing else", () => {
    expect(Object.keys(result.answers)).toEqual(fieldKeys(msq2020));
  });

  it("has no footnote, running title, page number, markup or question text in any answer", () => {
    expect(answerProblems(result.answers)).toEqual([]);
  });

  it("names a field of the definition (or a header field) in every warning", () => {
    const known = [...fieldKeys(msq2020), "country", "response_date", "authorize_publication"];
    for (const warning of result.warnings) expect(known).toContain(warning.field);
  });
});

describe("Rwanda (PDF text with ☒/☐ boxes, footnotes between the answers)", () => {
  const r = parseFile(FILES.rwanda);
  const a = r.answers;

  it("reads the header: the date before the country, the ticked authorisation", () => {
    expect(r).toMatchObject({
      country: "RWA",
      responseDate: "2019-03-30",
      authorizePublication: true,
    });
  });

  it("reads the portals, and keeps a written 'None'", () => {
    expect(a.q1_national_portal).toBe("https://irembo.gov.rw");
    expect(a.q2a_eservices_portal).toBe("https://irembo.gov.rw");
    expect(a.q2b_eparticipation_portal).toBe("www.umuturage.gov.rw");
    expect(a.q2c_open_data_portal).toBe("None");
    expect(a.q2d_procurement_portal).toBe("www.umucyo.gov.rw");
    expect(a.q2e_other_portals).toBe("https://recruitment.mifotra.gov.rw/");
    expect(a.q3_egov_agency).toBe(
      "Name: Rwanda Information Society Authority; URL: https://www.risa.rw/",
    );
  });

  it("puts the CIO's name and title under the right labels, and infers the yes", () => {
    expect(a.q4_has_cio).toBe("yes");
    expect(warningsFor(r, "q4_has_cio")[0]).toMatch(/read as "yes"/);
    expect(a.q4_cio_name).toBe("Mrs. Josephine NYIRANZEYIMANA");
    expect(a.q4_cio_title).toBe("Government Chief Information Officer");
    expect(a.q4_cio_organization).toBe("Rwanda Information Society Authority (RISA)");
    expect(a.q4_cio_email).toBe("josephine.nyiranzeyimana@risa.rw");
    expect(a.q4_cio_phone).toBe("+250 788 545 664");
  });

  it("reads the agencies, with the footnote interleaved at h. left out", () => {
    expect(a.q5a_planning_development).toBe(
      "Ministry of Finance and Economic Planning (MINECOFIN); www.minecofin.gov.rw",
    );
    expect(a.q5d_social_protection).toBe(
      "LOCAL ADMINISTRATIVE ENTITIES DEVELOPMENT AGENCY (LODA),",
    );
    expect(a.q5h_finance_taxation).toBe("Rwanda Revenue Authority (RRA); https://www.rra.gov.rw/");
    expect(a.q5i_industry_trade).toBe("Ministry of Trade & Industry, www.minicom.gov.rw/");
  });

  it("reads the ticked boxes, including none ticked", () => {
    expect(a.q8_strategy_features).toEqual([
      "implementation_plan",
      "aligned_national_strategy",
      "aligned_sdgs",
      "digital_first",
      "eparticipation",
      "new_technologies",
    ]);
    expect(a.q9_legal_framework).toEqual([
      "data_protection",
      "open_government_data",
      "digital_identity",
      "digital_signature",
      "eprocurement",
      "data_interoperability",
    ]);
    expect(a.q15_new_tech_strategy).toEqual([]);
    expect(a.q15_other).toBeNull();
    expect(a.x1_respondent_basis).toEqual(["authorized_knowledgeable"]);
    expect(a.x2_heard_from).toEqual(["desa_directly"]);
  });

  it("gives the text after the options to the explanation, with PDF line breaks mended", () => {
    expect(a.q8_explanation).toMatch(
      /^In the year 2015, the Government of Rwanda .* commissioned the Smart Rwanda/,
    );
    expect(a.q8_explanation).toMatch(
      /national development strategy for 7years from 2017 and Sustainable Development Goal principles\.$/,
    );
    expect(a.q9_explanation).toMatch(
      /^1- Personal data protection law draft is there and now under the approval process by cabinet;\n2- Open Government Data: /,
    );
    expect(a.q15_explanation).toBe(
      "Rwanda has got Smart Rwanda Master Plan which is strategy that not only deal with above technologies but also provide directives on how to use ICT for social economic development",
    );
    expect(a.x1_other).toBe(
      "Being the Director General, in charge of National Digital Transformation, I am quite knowledgeable on current country status.",
    );
    expect(a.x2_other).toBeNull();
  });

  it("reads yes/no boxes and keeps a followup answered after a no, with a warning", () => {
    expect(a.q10_collects_usage_stats).toBe("yes");
    expect(a.q12_measures_satisfaction).toBe("no");
    expect(a.q13_publishes_satisfaction).toMatch(
      /^User Satisfaction indicator has not been used .* 2019 citizen scorecard\.$/,
    );
    expect(warningsFor(r, "q13_publishes_satisfaction")[0]).toMatch(
      /q12_measures_satisfaction is "no"/,
    );
  });

  it("reads the long answers, leaving the form's word-limit reminder out of a blank one", () => {
    expect(a.q6_development_strategy).toBe(
      "Rwanda has “National Strategy for Transformation1” as national development strategy",
    );
    expect(a.q18_ict_investment_gdp).toBe("This is yet to be obtained from competent authority");
    expect(a.q20_staff_using_internet).toBe("100%");
    expect(a.q21_digital_literacy_indicators).toBe(
      "1- We do look at the computer literacy;\n2- Percentage of household owning Computer;\n" +
        "3- Proportion of population with digital literacy (Able to use various devices in digital content consumption);\n4- Literacy rate",
    );
    expect(a.q22_international_cooperation).toBeNull();
    expect(a.q23_support_other_countries).toMatch(
      /^Yes, The Government of Rwanda is willing to offer .* as a starting point\.$/,
    );
  });

  it("reads the contact", () => {
    expect(a.contact_name).toBe("Mr. Gordon KALEMA");
    expect(a.contact_title).toBe("Director General – National Digital Transformation");
    expect(a.contact_email).toBe("gkalema@minict.gov.rw");
    expect(a.contact_organization).toBe("Ministry of ICT and Innovation");
  });
});

describe("Tajikistan (Markdown, tick marks lost in conversion)", () => {
  const r = parseFile(FILES.tajikistan);
  const a = r.answers;

  it("reads the header; the authorisation cannot be known", () => {
    expect(r).toMatchObject({
      country: "TJK",
      responseDate: "2019-07-31",
      authorizePublication: null,
    });
    expect(warningsFor(r, "authorize_publication")[0]).toMatch(/lost in conversion/);
  });

  it("keeps blank answers null", () => {
    for (const key of [
      "q2a_eservices_portal",
      "q2b_eparticipation_portal",
      "q2c_open_data_portal",
      "q2d_procurement_portal",
      "q2e_other_portals",
      "q4_cio_name",
      "q4_cio_phone",
      "q8_explanation",
      "q11_publishes_usage_stats",
      "q21_digital_literacy_indicators",
      "x1_other",
      "x2_other",
    ]) {
      expect(a[key], key).toBeNull();
    }
  });

  it("makes lost tick marks null with a warning, never [] nor every option", () => {
    for (const key of [
      "q8_strategy_features",
      "q9_legal_framework",
      "q15_new_tech_strategy",
      "x1_respondent_basis",
      "x2_heard_from",
      "q10_collects_usage_stats",
      "q12_measures_satisfaction",
    ]) {
      expect(a[key], key).toBeNull();
      expect(warningsFor(r, key).join(), key).toMatch(/lost in conversion/);
    }
    expect(a.q4_has_cio).toBeNull();
    expect(warningsFor(r, "q4_has_cio")).toHaveLength(1);
  });

  it("reads the text answers as typed", () => {
    expect(a.q1_national_portal).toBe("Hukumat.tj");
    expect(a.q5g_energy_water).toBe("Ministry of energy and water resources,");
    expect(a.q5h_finance_taxation).toBe(
      "Ministry of finance, www.minfin.tj\nTax committee, www.andoz.tj",
    );
    expect(a.q6_development_strategy).toBe("National strategy of development-2030");
    expect(a.q13_publishes_satisfaction).toBe("Not yet");
    expect(warningsFor(r, "q13_publishes_satisfaction")[0]).toMatch(/could not be read/);
    expect(a.q19_staff_using_ict).toBe("30-40 %");
    expect(a.q24_partnerships).toBe("no");
  });

  it("reads a label and its value on one line, keeping digits that are not footnote marks", () => {
    expect(a.contact_name).toBe("Diyor Normatov");
    expect(a.contact_title).toBe("Mr.");
    expect(a.contact_email).toBe("Diyor5555@gmail.com");
  });
});

describe("Qatar (Markdown with links, running titles, misplaced answers, wrong numbers)", () => {
  const r = parseFile(FILES.qatar);
  const a = r.answers;

  it("reads the header and the explicit yes", () => {
    expect(r).toMatchObject({
      country: "QAT",
      responseDate: "2019-04-30",
      authorizePublication: null,
    });
    expect(a.q4_has_cio).toBe("yes");
    expect(warningsFor(r, "q4_has_cio")).toEqual([]);
  });

  it("gives the open-data URLs written under 2.b to the empty 2.c", () => {
    expect(a.q2b_eparticipation_portal).toBe(
      "https://eparticipation.gov.qa/en/Pages/default.aspx\nhttps://portal.www.gov.qa/wps/portal/eParticipation",
    );
    expect(a.q2c_open_data_portal).toBe(
      "https://www.data.gov.qa/pages/home/\nhttps://portal.www.gov.qa/wps/portal/opendata",
    );
    expect(warningsFor(r, "q2c_open_data_portal")).toHaveLength(1);
    expect(a.q2d_procurement_portal).toBe("https://monaqasat.mof.gov.qa/EServices.aspx");
  });

  it("turns links into their addresses", () => {
    expect(a.q1_national_portal).toBe("https://portal.www.gov.qa/wps/portal/homepage");
    expect((a.q2e_other_portals as string).split("\n")).toHaveLength(11);
    expect(a.q13_publishes_satisfaction).toContain(
      "\nhttp://www.mec.gov.qa/ar/services/Services%20and%20Forms/Individual-Services/Pages/Hotline-service.aspx\n",
    );
    expect(a.q13_publishes_satisfaction).toMatch(
      /\nhttps:\/\/www\.mofa\.gov\.qa\/home-Contact-Us$/,
    );
  });

  it("reads an agency after a footnote and a running title", () => {
    expect(a.q5a_planning_development).toBe(
      "Planning and Statistics Authority; https://www.mdps.gov.qa/en/Pages/default.aspx",
    );
  });

  it("keeps the explanations after options whose ticks were lost", () => {
    expect(a.q8_strategy_features).toBeNull();
    expect(a.q8_explanation).toMatch(
      /^Qatar e-Government 2020 vision .*\nStrategic Objective 1: .*\nStrategic Objective 2: .*\nStrategic Objective 3: .*co-design\.$/s,
    );
    expect(a.q9_legal_framework).toBeNull();
    expect(a.q9_explanation).toMatch(
      /\nData interoperability – Data Management Policy; http:\/\/www\.motc\.gov\.qa\/sites\/default\/files\/data_management_policy\.pdf$/,
    );
    expect(a.q15_explanation).toMatch(
      /^Yes, we have a National Artificial Intelligence Strategy: https:\/\/qcai\.qcri\.org\//,
    );
  });

  it("leaves a section heading split around an answer out of it", () => {
    expect(a.q16_new_tech_body).toMatch(
      /^Yes, as part of the Ministry of Transport and Communications/,
    );
    expect(a.q16_new_tech_body).toMatch(
      /https:\/\/www\.qcri\.org\/our-research\/data-analytics\/data-analytics$/,
    );
  });

  it("matches section IX's questions by their words although they are numbered 22, 22, 23", () => {
    expect(a.q22_international_cooperation).toMatch(
      /^Yes, Qatar is part of the GCC E-Government Committee/,
    );
    expect(a.q23_support_other_countries).toMatch(
      /^Yes\nwe support regional and international countries/,
    );
    expect(a.q24_partnerships).toMatch(
      /^Yes\.\nWe have multiple public private partnerships\. Examples:\n- Partnership with Meza/,
    );
  });

  it("reads the contact and the Other texts", () => {
    expect(a.contact_name).toBe("Ms. Noof Abdulla Al-Kuwari");
    expect(a.contact_title).toBe("Planning Researcher-2, Planning and Quality");
    expect(a.x1_other).toBe(
      "Collected the information from the various government departments / entities",
    );
    expect(a.x2_other).toBe("Received the email from the UN DESA team");
  });
});

describe("Iran (Markdown with HTML tags, <sup> marks, comments next to options)", () => {
  const r = parseFile(FILES.iran);
  const a = r.answers;

  it("reads the header", () => {
    expect(r).toMatchObject({
      country: "IRN",
      responseDate: "2019-03-27",
      authorizePublication: null,
    });
  });

  it("keeps the link targets and the line breaks between items", () => {
    expect(a.q1_national_portal).toBe("http://www.egovernment.ir\nhttp://www.iran.gov.ir");
    expect(a.q2c_open_data_portal).toBe("https://data.gov.ir/");
    expect(a.q3_egov_agency).toBe(
      "Executive Council of Information Technology and E-Government Development Commission: http://www.egovernment.ir\n" +
        "Ministry of Information and Communication Technology: http://www.ict.gov.ir\n" +
        "Information Technology Organization of Iran: http://www.ito.gov.ir",
    );
    expect(a.q5g_energy_water).toContain(
      "http://www.moe.gov.ir/Sites-of-Water-Electricity/Institutions-research-and-training-(1)",
    );
  });

  it("reads a list continued after the page's footnotes", () => {
    const lines = (a.q2b_eparticipation_portal as string).split("\n");
    expect(lines[0]).toBe(
      "There are some systems (such as ITRC, National Cyber Space Research Center, Cyber Research Institute Of SBU, UT Cyber Space Policy Research Center) that provide analytical services based on social media and news data.",
    );
    expect(lines.at(-1)).toBe(
      "Response to compliances portal for budget and planning organization: http://ertebat.mporg.ir/User/Default.aspx",
    );
  });

  it("reads labels wrapped in HTML, and infers the CIO yes", () => {
    expect(a.q4_has_cio).toBe("yes");
    expect(a.q4_cio_name).toBe("Amir Nazemi");
    expect(a.q4_cio_email).toBe("nazemi@ito.gov.ir");
    expect(a.q4_cio_phone).toBe("+98 21 8838 6301 +98 21 8849 8400");
    expect(a.q5b_education).toBe(
      "Up to basic education:\nMinistry of Education: http://www.medu.ir\nFor Graduate education:\n" +
        "Ministry of Science, Research and Technology: http://www.msrt.ir\n" +
        "Educational deputy of Ministry of Health and Medical Education: http://www.dme.behdasht.gov.ir\nAzad university: https://www.iau.ac.ir/",
    );
  });

  it("reads as ticked the options the respondent commented on, with a warning", () => {
    expect(a.q8_strategy_features).toEqual([
      "implementation_plan",
      "aligned_national_strategy",
      "aligned_sdgs",
      "aligned_subnational",
      "leave_no_one_behind",
      "eparticipation",
      "social_media",
    ]);
    expect(warningsFor(r, "q8_strategy_features")[0]).toMatch(
      /lost in conversion.*may or may not have been ticked/,
    );
    // every option of 9 has the legislation next to it: all are read as ticked
    expect(a.q9_legal_framework).toEqual(optionKeys("q9_legal_framework"));
    expect(a.q8_explanation).toMatch(
      /^- has an implementation plan\. Yes, Please refer to appendix C/,
    );
    expect(a.q8_explanation).toContain(
      "ensure e-government is accessible by the most vulnerable groups. Yes, According to Article 12",
    );
    expect(a.q9_explanation).toContain(
      'personal data protection including digital security. Yes, there is. "Citizen right charter" – Articles 30 to 42',
    );
    expect(a.q9_explanation).toContain(
      "Digitally publishing government expenditure .\n- Chapter one of e-commerce bylaw.",
    );
  });

  it("reads the long answers, joining a sentence broken by a blank line", () => {
    expect(a.q14_social_media).toContain("So many users and citizens are constantly engaging");
    expect(a.q15_new_tech_strategy).toBeNull();
    expect(a.q15_explanation).toMatch(
      /^- Requirements, Criteria and Operational Process of Fintechs have been approved\.\n/,
    );
    expect(a.q16_new_tech_body).toContain(
      "\n  - Exchanges between supply and demand sections of technology and innovation\n",
    );
    expect(a.q17_satisfaction_rate).toBe(
      "3.6 of 5 Based on user voting option M-Gov app on android local market (Cafebazar).",
    );
    expect(a.q18_ict_investment_gdp).toBe(
      "1.79% (according to 2018 national budget and Iran 2018 GDP)",
    );
  });

  it("keeps two addresses given as the e-mail, with a warning", () => {
    expect(a.contact_email).toBe("nazemi@ito.gov.ir ; egov@ito.gov.ir");
    expect(warningsFor(r, "contact_email")).toHaveLength(1);
    expect(a.x1_other).toMatch(
      /^According to the Administrative and Technical Criteria .* https:\/\/payesh\.iran\.gov\.ir\/\.$/,
    );
    expect(a.x2_other).toBeNull();
  });
});

describe("documents that are not responses", () => {
  it("refuses the reference brief with a clear message", () => {
    const result = parseMsqDocument(readDocument(NOT_A_RESPONSE), msq2020);
    expect(result).toEqual({
      ok: false,
      error: { code: "noQuestionsFound", values: { round: "2020" } },
    });
    expect(!result.ok && inEnglish(result.error)).toBe(
      "This is not an MSQ 2020 response: none of the questionnaire's questions were found.",
    );
  });

  it("refuses an empty document and a document with only a few of the questions", () => {
    expect(parseMsqDocument("", msq2020).ok).toBe(false);
    const fragment = readDocument(FILES.rwanda).split("\n").slice(0, 40).join("\n");
    const result = parseMsqDocument(fragment, msq2020);
    expect(result).toMatchObject({ ok: false, error: { code: "fewQuestionsFound" } });
    expect(!result.ok && inEnglish(result.error)).toMatch(
      /^This is not an MSQ 2020 response: only \d+ of/,
    );
  });
});
