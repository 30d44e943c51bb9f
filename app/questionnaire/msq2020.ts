import type { Question, Questionnaire } from "./types";

// The MSQ 2020, transcribed from docs/FIELDS.md (a test keeps the two in step).
// Everything else — form, validation, review, exports, importer, print view — reads this.

const WORDS = 250;

const list = (key: string, text: string, hint?: string): Question => ({
  key,
  type: "text",
  format: "lines",
  text,
  ...(hint ? { hint } : {}),
});
const line = (key: string, text: string): Question => ({ key, type: "text", text });
const long = (key: string, text: string, extra: Partial<Question> = {}): Question =>
  ({ key, type: "longtext", maxWords: WORDS, text, ...extra }) as Question;

const ONE_PER_LINE = "One per line.";
const IF_CIO = { field: "q4_has_cio", equals: "yes" } as const;

export const msq2020 = {
  round: "2020",
  version: 1,
  title: "Member States Questionnaire (MSQ) for the United Nations E-Government Survey 2020",
  authorizationText:
    "I/We hereby authorize UNDESA to publish my/our responses as deemed necessary.",
  sections: [
    {
      id: "I",
      title: "Institutional Framework",
      questions: [
        list(
          "q1_national_portal",
          "1. What is the official e-government portal at the national level? If more than one, please list all.",
          ONE_PER_LINE,
        ),
        list(
          "q2a_eservices_portal",
          "2. Please also provide URLs for below specific portals, if exists: a. E-services (a specific portal where you can see the list of all online services available for the public)",
        ),
        list("q2b_eparticipation_portal", "2. b. E-participation"),
        list("q2c_open_data_portal", "2. c. Open government data"),
        list("q2d_procurement_portal", "2. d. Public procurement"),
        list("q2e_other_portals", "2. e. Other major portals at the national level", ONE_PER_LINE),
        list(
          "q3_egov_agency",
          "3. Please provide name(s) and URL(s) of the government agency/department/ministry at the national level in charge of e-government.",
          ONE_PER_LINE,
        ),
        {
          key: "q4_has_cio",
          type: "yesno",
          text: "4. Does your country have a Chief Information Officer (CIO) to manage national cross-agency e-government programs/strategies? (CIO or a similar senior official with a leadership role, sometimes referred as Chief Technology Officer (CTO) or Chief Digital Officer (CDO))",
        },
        { ...line("q4_cio_name", "4. Name"), when: IF_CIO },
        { ...line("q4_cio_title", "4. Title"), when: IF_CIO },
        { ...line("q4_cio_organization", "4. Organization"), when: IF_CIO },
        { key: "q4_cio_email", type: "text", format: "email", text: "4. E-mail", when: IF_CIO },
        { ...line("q4_cio_phone", "4. Phone"), when: IF_CIO },
        list(
          "q5a_planning_development",
          "5. Please provide names and URLs of the government agencies/ministries/departments at the national level in charge of the following: a. Planning and Development",
        ),
        list("q5b_education", "5. b. Education"),
        list("q5c_health", "5. c. Health"),
        list("q5d_social_protection", "5. d. Social Protection and Welfare"),
        list("q5e_employment", "5. e. Employment and Decent Work"),
        list("q5f_environment", "5. f. Environment"),
        list("q5g_energy_water", "5. g. Energy/Water"),
        list("q5h_finance_taxation", "5. h. Finance/Taxation"),
        list("q5i_industry_trade", "5. i. Industry/Trade"),
      ],
    },
    {
      id: "II",
      title: "Strategy and Implementation",
      questions: [
        long(
          "q6_development_strategy",
          "6. Is there a national development strategy incorporating the Sustainable Development Goals (SDGs)?",
        ),
        long(
          "q7_egov_strategy",
          "7. Is there a national e-government strategy/digital readiness strategy or equivalent?",
        ),
        {
          key: "q8_strategy_features",
          type: "multi",
          text: "8. Please check whichever applies. National e-government strategy or equivalent:",
          options: [
            { key: "implementation_plan", text: "has an implementation plan." },
            {
              key: "aligned_national_strategy",
              text: "is aligned with the national development strategy",
            },
            {
              key: "aligned_sdgs",
              text: "is aligned with the Sustainable Development Goals (SDGs).",
            },
            {
              key: "aligned_subnational",
              text: "is aligned with sub-national/local digital development strategy.",
            },
            { key: "digital_first", text: "has an emphasis on digital-first principle" },
            {
              key: "digital_by_default",
              text: "has an emphasis on digital by default; digital by design; mobile-first principle",
            },
            { key: "once_only", text: "has an emphasis on once-only (data) principle" },
            {
              key: "leave_no_one_behind",
              text: "has an emphasis to 'leave no one offline' or to 'leave no one behind'; or other specific measures to ensure e-government is accessible by the most vulnerable groups (poor, immigrants, older persons, persons with disabilities, women, youth, indigenous people)",
            },
            {
              key: "eparticipation",
              text: "makes specific reference to e-participation, digital inclusion and/or engagement.",
            },
            {
              key: "social_media",
              text: "makes specific reference to the use of social media in the government.",
            },
            {
              key: "new_technologies",
              text: "makes specific reference to the use of new technologies (also referring to emerging technologies) such as artificial intelligence, blockchain, big data",
            },
          ],
        },
        long("q8_explanation", "8. (If any checked, please explain further.)"),
      ],
    },
    {
      id: "III",
      title: "Legal Framework",
      questions: [
        {
          key: "q9_legal_framework",
          type: "multi",
          text: "9. Is there any legal framework on:",
          options: [
            {
              key: "access_to_information",
              text: "access to information such as Freedom of Information Act",
            },
            {
              key: "data_protection",
              text: "personal data protection including digital security",
            },
            { key: "open_government_data", text: "open government data" },
            { key: "digital_identity", text: "digital identity" },
            { key: "digital_signature", text: "digital certification/signature" },
            { key: "eprocurement", text: "e-procurement" },
            {
              key: "expenditure_publishing",
              text: "digitally publishing government expenditure (related to SDG Indicator 16.6.1)",
            },
            { key: "data_interoperability", text: "data interoperability" },
            { key: "digital_government_right", text: "digital government as a right" },
          ],
        },
        long(
          "q9_explanation",
          "9. (If any checked, please provide name of the legislation and links.)",
        ),
      ],
    },
    {
      id: "IV",
      title: "Usage of online services",
      questions: [
        {
          key: "q10_collects_usage_stats",
          type: "yesno",
          text: "10. Do you collect usage statistics of e-government services?",
        },
        long(
          "q11_publishes_usage_stats",
          "11. If yes, do you publish results online and share those with the public institutions concerned?",
          { when: { field: "q10_collects_usage_stats", equals: "yes" } },
        ),
      ],
    },
    {
      id: "V",
      title: "User satisfaction",
      questions: [
        {
          key: "q12_measures_satisfaction",
          type: "yesno",
          text: "12. Do you measure satisfaction of citizens on e-government services?",
        },
        long(
          "q13_publishes_satisfaction",
          "13. If yes, do you publish results online and share those with the public institutions concerned?",
          { when: { field: "q12_measures_satisfaction", equals: "yes" } },
        ),
      ],
    },
    {
      id: "VI",
      title: "Social Media",
      questions: [
        long(
          "q14_social_media",
          "14. How does your government use social media at the national level to interact with and engage people in e-government activities? Please also explain if there were any guidelines for government officials on the use of social media.",
        ),
      ],
    },
    {
      id: "VII",
      title: "New Technologies",
      questions: [
        {
          key: "q15_new_tech_strategy",
          type: "multi",
          text: "15. Does your government have a specific national strategy on one or more of following new technologies?",
          options: [
            { key: "ai", text: "Artificial Intelligence (AI)" },
            { key: "blockchain", text: "Blockchain" },
            { key: "big_data", text: "Big data" },
            { key: "smart_cities", text: "Smart cities" },
            { key: "robotics", text: "Robotics" },
            { key: "iot", text: "Internet of Things (IOT)" },
            { key: "quantum_computing", text: "Quantum computing" },
            { key: "virtual_reality", text: "Virtual reality" },
            { key: "augmented_reality", text: "Augmented reality" },
            { key: "other", text: "Other" },
          ],
        },
        {
          ...line("q15_other", "15. Other:"),
          when: { field: "q15_new_tech_strategy", includes: "other" },
        },
        long("q15_explanation", "15. (Please explain further including relevant links.)"),
        long(
          "q16_new_tech_body",
          "16. Does your government have any government body (an agency, cabinet, commission, committee, initiative etc.) at the national level working specifically related to the new technologies? (Please explain further including relevant links.)",
        ),
      ],
    },
    {
      id: "VIII",
      title: "Indicators",
      questions: [
        long(
          "q17_satisfaction_rate",
          "17. What is the percentage of the population satisfied with their last experience of online public services? (Related to SDG Indicator 16.6.2)",
        ),
        long(
          "q18_ict_investment_gdp",
          "18. What percentage of your GDP is allocated for ICT investment in the public sector?",
        ),
        long(
          "q19_staff_using_ict",
          "19. What is the proportion of persons employed in central government organizations routinely using ICTs?",
        ),
        long(
          "q20_staff_using_internet",
          "20. What is the proportion of persons employed in central government organizations routinely using the Internet?",
        ),
        long(
          "q21_digital_literacy_indicators",
          "21. If any, what kind of indicators do you collect/use to track digital literacy at the national level?",
        ),
      ],
    },
    {
      id: "IX",
      title: "International and Regional Cooperation (WSIS Action Line C.11)",
      questions: [
        long(
          "q22_international_cooperation",
          "22. Is your government part of any sub-regional, regional or international cooperation on e-government?",
        ),
        long(
          "q23_support_other_countries",
          "23. Is your government offering (or planning to offer) support to other countries in the area of e-government?",
        ),
        long(
          "q24_partnerships",
          "24. Are there any ongoing public-private partnerships and multistakeholder partnerships, focusing on e-government?",
        ),
      ],
    },
    {
      id: "X",
      title: "Contact and Additional Information",
      questions: [
        line("contact_name", "Name"),
        line("contact_title", "Title"),
        { key: "contact_email", type: "text", format: "email", text: "Email" },
        line("contact_organization", "Organization"),
        {
          key: "x1_respondent_basis",
          type: "multi",
          text: "1. Please select whichever applies:",
          options: [
            {
              key: "collective_response",
              text: "A group of government agencies responded to the questionnaire collectively.",
            },
            {
              key: "authorized_knowledgeable",
              text: "I am authorized and fully knowledgeable to respond to this questionnaire.",
            },
            {
              key: "incomplete_information",
              text: "I did not have the full information to respond to this questionnaire",
            },
            {
              key: "own_opinion",
              text: "I mostly provided my own opinion/assessment rather than official information.",
            },
            { key: "other", text: "Other" },
          ],
        },
        long("x1_other", "1. Other:"),
        {
          key: "x2_heard_from",
          type: "multi",
          text: "2. How did you hear about this questionnaire?",
          options: [
            { key: "desa_directly", text: "Directly from UN DESA" },
            { key: "un_mission", text: "From the Mission of my country to the United Nations" },
            { key: "survey_website", text: "United Nations E-Government Survey website" },
            { key: "linkedin", text: "LinkedIn" },
            { key: "facebook", text: "Facebook" },
            { key: "other", text: "Other" },
          ],
        },
        long("x2_other", "2. Other: / Please explain further."),
      ],
    },
  ],
} as const satisfies Questionnaire;
