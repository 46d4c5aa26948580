/**
 * Family-name and name-particle lists used to recognize East Asian and Arabic
 * personal names:
 *  - KOREAN_FAMILY_NAMES: Korean surnames in every romanization commonly seen
 *    in KCNA / Rodong Sinmun English (Ri, Pak, Choe, Jong, Ryu, Thae ...) and in
 *    South Korean and international media (Lee, Park, Choi, Jung, Yoo ...),
 *    including two-syllable surnames (Namgung, Hwangbo, Jegal ...).
 *  - CHINESE_FAMILY_NAMES: common Chinese surnames in Hanyu Pinyin, followed by
 *    a short block of Wade-Giles / Cantonese / Taiwanese spellings frequent in
 *    news about Taiwan and Hong Kong (Tsai, Chiang, Hsu, Cheung, Wong ...).
 *  - VIETNAMESE_FAMILY_NAMES: common Vietnamese surnames, with and without
 *    diacritics.
 *  - ARABIC_NAME_PARTICLES: particles that join the parts of Arabic (and some
 *    Persian / North and West African) names: article, filiation, kunya and
 *    "servant of" forms. Lowercase and capitalized forms are both listed
 *    where both are written. The assimilated article forms (ad, ar, ash, az,
 *    adh, ath) and ul / ud occur hyphen-joined ("ash-Sharaa", "Zia-ul-Haq",
 *    "Salah ad-Din"); the English words "as", "at" and "an" are deliberately
 *    not listed.
 *
 * Rules for adding entries: one surname or particle per string, written as
 * it appears in English text; a string appears once per list (the same
 * surname may appear in two lists, e.g. Wang, Han, Song); no leading "the";
 * plain apostrophe ' only.
 */

export const KOREAN_FAMILY_NAMES: readonly string[] = [
  // 김 / 이 / 박 / 최 / 정
  "Kim", "Gim",
  "Ri", "Rhee", "Lee", "Yi", "Rhie",
  "Pak", "Park", "Bak",
  "Choe", "Choi", "Chey",
  "Jong", "Jung", "Chung", "Jeong", "Cheong",
  // 강 / 조 / 윤 / 장 / 임
  "Kang", "Gang",
  "Cho", "Jo", "Joh",
  "Yun", "Yoon", "Youn",
  "Jang", "Chang",
  "Im", "Lim", "Rim", "Yim",
  // 한 / 오 / 류·유 / 고 / 문 / 현 / 홍 / 권
  "Han", "Hahn",
  "O", "Oh",
  "Ryu", "Yu", "Yoo", "Rhyu", "Ryoo",
  "Ko", "Koh", "Goh",
  "Mun", "Moon",
  "Hyon", "Hyun", "Hyeon",
  "Hong",
  "Kwon", "Gwon", "Kweon",
  // 주 / 태 / 렴·염 / 동 / 신 / 서·소 / 송·성
  "Ju", "Joo", "Chu",
  "Thae", "Tae",
  "Ryom", "Yeom", "Yom",
  "Tong",
  "Sin", "Shin",
  "So", "Seo", "Suh", "Soh",
  "Song",
  "Sung", "Seong",
  // 안 / 황 / 전·천 / 변 / 백 / 노 / 남 / 하 / 곽 / 양·량
  "An", "Ahn",
  "Hwang", "Whang",
  "Jon", "Jeon", "Chun", "Chon", "Jun", "Cheon",
  "Pyon", "Byun", "Byeon",
  "Paek", "Baek", "Paik", "Baik",
  "No", "Roh", "Noh", "Ro", "Rho",
  "Nam",
  "Ha",
  "Kwak", "Gwak",
  "Yang", "Ryang",
  // 손 / 배 / 허 / 채 / 심 / 원 / 엄 / 진 / 탁 / 기 / 표 / 명 / 맹 / 차 / 구
  "Son", "Sohn",
  "Pae", "Bae",
  "Ho", "Heo", "Hur", "Huh",
  "Chae",
  "Sim", "Shim",
  "Won",
  "Um", "Eom", "Om",
  "Chin", "Jin",
  "Tak", "Thak",
  "Ki", "Gi",
  "Pyo",
  "Myong", "Myung", "Myeong",
  "Maeng",
  "Cha",
  "Ku", "Koo", "Gu",
  // 라·나 / 민 / 위 / 방 / 도 / 석 / 길 / 여 / 계 / 경 / 공 / 국 / 함 / 연 / 마 / 왕 / 반 / 설 / 갈 / 지 / 제 / 예
  "Ra", "Na",
  "Min",
  "Wi", "Wee",
  "Pang", "Bang",
  "Do",
  "Sok", "Seok", "Suk",
  "Kil", "Gil",
  "Yeo",
  "Kye", "Gye",
  "Kyong", "Kyung", "Gyeong",
  "Kong", "Gong",
  "Kuk", "Guk",
  "Ham", "Hahm",
  "Yon", "Yeon",
  "Ma",
  "Wang",
  "Ban", "Pan",
  "Seol", "Sol",
  "Kal",
  "Ji", "Chi", "Jee",
  "Je",
  "Ye",
  // two-syllable surnames
  "Tokko", "Dokgo",
  "Jegal", "Chegal",
  "Namgung", "Namkung",
  "Hwangbo",
  "Sonu", "Sunwoo", "Seonwoo",
  "Sagong",
];

export const CHINESE_FAMILY_NAMES: readonly string[] = [
  // Hanyu Pinyin
  "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou",
  "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo",
  "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng",
  "Zeng", "Xiao", "Tian", "Dong", "Yuan", "Pan", "Yu", "Jiang", "Cai", "Du",
  "Ye", "Cheng", "Wei", "Su", "Lü", "Lv", "Ding", "Ren", "Shen", "Yao",
  "Lu", "Cui", "Zhong", "Tan", "Fan", "Jin", "Shi", "Liao", "Jia", "Xia",
  "Fu", "Fang", "Bai", "Zou", "Meng", "Xiong", "Qin", "Qiu", "Yin", "Xue",
  "Yan", "Duan", "Lei", "Hou", "Long", "Tao", "Gu", "Mao", "Hao", "Gong",
  "Shao", "Wan", "Qian", "Dai", "Mo", "Kong", "Xiang", "Chang", "Kang", "Yi",
  "Qiao", "Lai", "Wen", "Niu", "Hong", "Zhan", "Ou", "Ouyang", "Sima", "Zhuge",
  "Situ", "Shangguan", "Bao", "Zhuang", "Geng", "Mu", "Xing", "Yue", "Ge", "Guan",
  "Lan", "Ni", "Bi", "Chai", "Che", "Chu", "Fei", "Gan", "Huo", "Ji",
  "Jing", "Kuang", "Lian", "Lou", "Mei", "Miao", "Ning", "Pang", "Pu", "Qi",
  "Qu", "Rao", "Rong", "Ruan", "Sha", "Shan", "Shang", "Sheng", "Tong", "Weng",
  "Xi", "Xin", "Zang", "Zhai", "Zhen", "Zuo", "Ai", "An", "Ban", "Bian",
  "Bo", "Cen", "Chi", "Dou", "Gou", "Hua", "Kou", "Lang", "Le", "Leng",
  "Ling", "Man", "Min", "Nie", "Pei", "Quan", "Sang", "Shu", "Si", "Tu",
  "You", "Zhi", "Zong", "Zhuo", "Yun", "Zha", "Qing", "Ran", "Rui", "Yong",
  // Wade-Giles / Cantonese / Taiwanese spellings common in news
  "Tsai", "Chiang", "Hsu", "Hsieh", "Chou", "Kuo", "Hsiao", "Tseng", "Teng", "Tsao",
  "Cheung", "Chan", "Wong", "Leung", "Lam", "Ng", "Tse", "Lau", "Ho", "Tsang",
  "Yip", "Kwok", "Tung", "Lee", "Chow", "Choi", "Fong", "Mak", "Yeung", "Lo",
];

export const VIETNAMESE_FAMILY_NAMES: readonly string[] = [
  "Nguyen", "Nguyễn", "Tran", "Trần", "Le", "Lê", "Pham", "Phạm", "Hoang", "Hoàng",
  "Huynh", "Huỳnh", "Phan", "Vu", "Vũ", "Vo", "Võ", "Dang", "Đặng", "Bui", "Bùi",
  "Do", "Đỗ", "Ho", "Hồ", "Ngo", "Ngô", "Duong", "Dương", "Ly", "Lý", "Dinh", "Đinh",
  "Trinh", "Trịnh", "Truong", "Trương", "Mai", "Lam", "Lâm", "Luong", "Lương", "Ha", "Hà",
  "Quach", "Quách", "Cao", "Doan", "Đoàn", "Thai", "Thái", "Ta", "Tạ", "Chu", "Kieu", "Kiều",
  "To", "Tô", "Phung", "Phùng", "Vuong", "Vương", "Trieu", "Triệu", "Luu", "Lưu", "Lai", "Lại",
  "Diep", "Diệp", "Tong", "Tống", "Khuc", "Khúc", "Nong", "Nông",
];

export const ARABIC_NAME_PARTICLES: readonly string[] = [
  // definite article and its assimilated forms
  "al", "Al", "el", "El", "ad", "ar", "ash", "az", "adh", "ath", "ud", "ul",
  // filiation: son / daughter of
  "bin", "Bin", "ibn", "Ibn", "bint", "Bint", "ben", "ould", "Ould", "ag", "Ag",
  // kunya: father / mother of
  "abu", "Abu", "abou", "Abou", "bou", "Bou", "umm", "Umm",
  // "servant of" compounds written as a separate word
  "abd", "Abd", "abdul", "Abdul", "abdel", "Abdel", "abdal", "Abdal", "abdol", "Abdol",
  "abdur", "Abdur", "abdus", "Abdus",
  // dynastic "family of"
  "Aal", "Āl",
];
