import type { CatalogCourse } from './catalog-types.js';

/**
 * Law courses every caring-mother volunteer (爱心妈妈) must pass before being paired with a
 * left-behind child. Article numbers were checked against the current statute texts:
 * - 《中华人民共和国未成年人保护法》 (revised 17 Oct 2020, in force 1 Jun 2021; 2024 amendment
 *   did not change the articles cited here);
 * - 《中华人民共和国预防未成年人犯罪法》 (revised 26 Dec 2020, in force 1 Jun 2021).
 */

/** The two fixed options of every true/false question: [正确/True, 错误/False]. */
const trueFalse = () => [
  { 'zh-CN': '正确', en: 'True' },
  { 'zh-CN': '错误', en: 'False' },
];

export const lawCourses: CatalogCourse[] = [
  // ---------------------------------------------------------------------------------------------
  // 1. 未成年人保护法
  // ---------------------------------------------------------------------------------------------
  {
    code: 'LAW-MPL',
    category: 'law',
    title: {
      'zh-CN': '《中华人民共和国未成年人保护法》（2020年修订）',
      en: 'Law of the People’s Republic of China on the Protection of Minors (2020 revision)',
    },
    description: {
      'zh-CN':
        '学习2020年修订、2021年6月1日起施行的《未成年人保护法》中与爱心妈妈工作最相关的内容：最有利于未成年人原则、监护人的职责和禁止行为、父母外出务工时的委托照护、发现孩子受侵害时怎样报告，以及怎样保护孩子的隐私和上网安全。留守孩子身边没有父母，爱心妈妈常常是最早发现问题的人；懂法，才能既真心关爱孩子，又不越界、不耽误事。',
      en: 'Covers the parts of the Law on the Protection of Minors (revised 2020, in force 1 June 2021) that matter most to a caring mother: the best-interests-of-the-minor principle, what guardians must and must not do, the rules on entrusted care when parents migrate for work, how to report suspected harm, and how to protect a child’s privacy and safety online. A left-behind child has no parent close by, so a caring mother is often the first to notice a problem; knowing the law lets her care wholeheartedly without overstepping or losing precious time.',
    },
    requiredHours: 8,
    minAttendancePct: 80,
    validityMonths: 24,
    requiredForVolunteers: true,
    prerequisiteCodes: [],
    lessons: [
      {
        title: {
          'zh-CN': '第一课　总则：孩子的权利和“最有利于未成年人”原则',
          en: 'Lesson 1 — General provisions: children’s rights and the best-interests principle',
        },
        hours: 1,
        body: {
          'zh-CN': `《未成年人保护法》于2020年10月修订，2021年6月1日起施行（2024年又作过个别修正，本课程引用的条文以现行文本为准）。法律从六个方面保护孩子，叫“六大保护”：家庭保护、学校保护、社会保护、网络保护、政府保护、司法保护（第二章到第七章）。

**谁是未成年人？** 未满十八周岁的公民（第二条）。国家保障孩子的生存权、发展权、受保护权、参与权。孩子不论户籍、家庭状况、身心健康状况怎样，都平等享有权利，不受歧视（第三条）。留守孩子也一样，不能因为“爸妈不在身边”就被看低。

**最有利于未成年人原则（第四条）。** 处理和孩子有关的事情，要做到：

- 给予特殊、优先保护；
- 尊重孩子的人格尊严；
- 保护孩子的隐私和个人信息；
- 符合孩子身心发展的规律和特点；
- 听取孩子的意见；
- 保护与教育相结合。

**保护孩子是大家共同的责任（第六条）。** 法律还点名要求妇女联合会等人民团体协助政府做好未成年人保护工作（第十条）。爱心妈妈的工作，正是这份责任的一部分。

> 遇事先问自己一句：“这样做，对孩子是不是最好？”`,
          en: `The Law on the Protection of Minors was revised in October 2020 and took effect on 1 June 2021 (a few provisions were amended again in 2024; the articles cited in this course follow the current text). The law protects children in six areas, known as the “six protections”: family, school, society, online, government and judicial protection (Chapters 2 to 7).

**Who is a minor?** Any citizen under eighteen (Article 2). The State guarantees children’s rights to survival, development, protection and participation. Every child enjoys these rights equally, whatever their household registration, family circumstances or physical and mental health, and must not be discriminated against (Article 3). Left-behind children are no exception: “their parents aren’t here” is never a reason to look down on them.

**The best-interests-of-the-minor principle (Article 4).** Whenever something concerns a child, we must:

- give the child special, priority protection;
- respect the child’s dignity;
- protect the child’s privacy and personal information;
- follow the patterns and needs of the child’s physical and mental development;
- listen to the child’s views;
- combine protection with education.

**Protecting children is everyone’s shared responsibility (Article 6).** The law specifically names the Women’s Federation among the people’s organisations that must help the government protect minors (Article 10). A caring mother’s work is part of that responsibility.

> Before you act, ask yourself: “Is this what is best for the child?”`,
        },
      },
      {
        title: {
          'zh-CN': '第二课　家庭保护：监护人该做什么、不能做什么',
          en: 'Lesson 2 — Family protection: what guardians must do and must not do',
        },
        hours: 1.5,
        body: {
          'zh-CN': `父母外出打工，仍然是孩子的监护人；和孩子一起生活的爷爷奶奶等成年家人，应当协助父母抚养、教育和保护孩子（第七条、第十五条）。

**监护人应当做到（第十六条，摘要）：** 保障孩子的生活、健康和安全；关心孩子的身体、心理和情感需要；教孩子遵纪守法，做好安全教育；保证孩子接受并完成义务教育；保证孩子有休息、玩耍和锻炼的时间；预防和制止孩子的不良行为，合理管教。

**监护人不得做（第十七条，摘要）：**

- 虐待、遗弃孩子，或者对孩子实施家庭暴力；
- 放任、唆使孩子吸烟（含电子烟）、喝酒、赌博、流浪乞讨或欺凌别人；
- 放任或者逼迫孩子失学、辍学；
- 放任孩子沉迷网络，或进入网吧、酒吧等不适合孩子的场所；
- 让孩子从事国家规定以外的劳动；
- 让孩子结婚，或者给孩子订婚约；
- 违法处分、侵吞孩子的财产。

**安全和看护：** 要排除触电、烫伤、跌落等隐患，防止交通事故、溺水和动物伤害（第十八条）。不能让未满8周岁或需要特别照顾的孩子没人看管；不能让未满16周岁的孩子离开监护、单独生活（第二十一条）。

**爱心妈妈怎么做：** 探访时留意电线、水塘、农药摆放等安全情况，温和地提醒照护人；发现孩子常常一个人在家、没去上学或身上有伤，要记下来，并按第四课的办法报告。`,
          en: `Parents who go away to work are still their child’s guardians. Adult family members living with the child, such as grandparents, must help the parents raise, educate and protect the child (Articles 7 and 15).

**Guardians must (Article 16, summary):** provide for the child’s daily life, health and safety; pay attention to the child’s physical, psychological and emotional needs; teach the child to respect rules and the law and give safety education; make sure the child receives and completes compulsory education; make sure the child has time to rest, play and exercise; prevent and stop the child’s misbehaviour and discipline the child reasonably.

**Guardians must not (Article 17, summary):**

- abuse or abandon the child, or commit domestic violence against the child;
- allow or encourage the child to smoke (including e-cigarettes), drink, gamble, roam and beg, or bully others;
- allow or force the child to drop out of compulsory schooling;
- allow the child to become addicted to the internet, or to go into internet cafés, bars or other places unsuitable for children;
- let the child do work beyond what State rules allow;
- let the child marry, or arrange a betrothal for the child;
- unlawfully dispose of or take the child’s property.

**Safety and supervision:** guardians must remove hazards such as electric shock, scalds and falls, and guard against traffic accidents, drowning and animal injuries (Article 18). A child under eight, or one who needs special care, must not be left unsupervised; a child under sixteen must not be left to live alone outside a guardian’s care (Article 21).

**What a caring mother does:** when visiting, notice the wiring, ponds and where pesticides are kept, and remind the carer gently. If the child is often home alone, is missing school or has injuries, write it down and report it as taught in Lesson 4.`,
        },
      },
      {
        title: {
          'zh-CN': '第三课　委托照护：父母外出打工时，法律怎么要求',
          en: 'Lesson 3 — Entrusted care: what the law requires when parents work away from home',
        },
        hours: 1.5,
        body: {
          'zh-CN': `这是和留守孩子关系最直接的规定。

**要托给合适的人（第二十二条）。** 父母因外出务工等原因，一段时间内不能完全履行监护职责的，应当委托有照护能力的成年人代为照护。选人时要看他的品德、家庭情况、身心健康、和孩子的感情，还要听听孩子自己的意见。下面这些人**不能**当被委托人：

- 曾经性侵害、虐待、遗弃、拐卖、暴力伤害过别人的；
- 有吸毒、酗酒、赌博等恶习的；
- 曾经拒不履行或长期不好好履行监护、照护职责的。

**托了以后，父母还要管（第二十三条）。** 父母要及时把委托照护情况**书面告知**孩子的学校（幼儿园）和孩子实际居住地的村（居）委会；**至少每周**和孩子、照护人联系交流一次，了解孩子的生活、学习和心理情况，给孩子亲情关爱；接到孩子心理、行为异常的通知后，要及时采取措施。

**村（居）委会的责任（第四十三条）。** 要有专人专岗负责未成年人保护（很多地方叫“儿童主任”），建立留守儿童信息档案，协助监督委托照护情况；发现照护人照顾不了或不尽心，要向政府有关部门报告，并告诉孩子父母。

**爱心妈妈怎么做：** 探访时问问孩子“爸爸妈妈这周打电话了吗？”。发现父母长期不联系、照护人年老体弱或有酗酒等恶习，先提醒父母，同时告诉村（居）委会。爱心妈妈是关爱者，不是监护人，也不是被委托照护人；如果孩子父母想把孩子托付给你，这是需要正式安排的大事，请先告诉项目联系人和村（居）委会。`,
          en: `This is the provision that bears most directly on left-behind children.

**Care must be entrusted to a suitable person (Article 22).** When parents cannot fully carry out their guardianship duties for a period of time, for example because they have gone away to work, they must entrust the child’s care to an adult who is able to look after the child. In choosing, they must consider the person’s character, family situation, physical and mental health and emotional bond with the child, and must listen to the child’s own views. The following people **may not** be entrusted with care:

- anyone who has committed sexual abuse, maltreatment, abandonment, trafficking, violent injury or similar offences;
- anyone with bad habits such as drug use, heavy drinking or gambling;
- anyone who has refused, or for a long time neglected, to carry out guardianship or care duties.

**After entrusting care, the parents are still responsible (Article 23).** They must promptly **inform in writing** the child’s school (or kindergarten) and the village or residents’ committee where the child actually lives; contact and talk with the child and the carer **at least once a week** to follow the child’s daily life, studies and state of mind and give the child family affection; and take prompt action when told that the child is showing psychological or behavioural problems.

**The village or residents’ committee’s duties (Article 43).** It must have a designated person in charge of child protection (in many places called the “children’s director”, 儿童主任), keep records on left-behind children, and help monitor entrusted-care arrangements. If a carer cannot cope or is neglecting the child, it must report to the relevant government department and tell the parents.

**What a caring mother does:** on a visit, ask the child, “Did Mum or Dad call this week?” If the parents have not been in touch for a long time, or the carer is frail or has problems such as heavy drinking, first remind the parents and also tell the village or residents’ committee. A caring mother gives care and attention; she is not the child’s guardian and not the entrusted carer. If the parents want to hand the child over to you, that is a serious matter needing a proper arrangement: first tell your project contact and the village or residents’ committee.`,
        },
      },
      {
        title: {
          'zh-CN': '第四课　发现孩子受到伤害怎么办：报告与求助',
          en: 'Lesson 4 — When a child is being harmed: reporting and getting help',
        },
        hours: 1.5,
        body: {
          'zh-CN': `**人人都有权管（第十一条第一款）。** 任何组织或个人发现不利于孩子身心健康、侵犯孩子权益的情况，都有权劝阻、制止，或者向公安、民政、教育等部门检举、控告。

**强制报告（第十一条第二款）。** 国家机关、村（居）委会、密切接触未成年人的单位及其工作人员，在工作中发现孩子身心健康**受到侵害、疑似受到侵害**或者面临其他危险的，**应当立即报告**公安、民政、教育等部门。负有报告义务却没有报告、造成严重后果的，对相关责任人员依法给予处分（第一百一十七条）。监护人发现孩子受到侵害，情况严重的也要立即报告（第二十条）。

作为爱心妈妈，请按“强制报告”的标准要求自己：

- **疑似就报告**，不用等到有确凿证据；
- 不私了，不替施害人隐瞒；
- 不自己去“审问”孩子，也不去找施害人对质；
- 情况紧急、孩子有危险时，**马上打110**；同时告诉村（居）委会和妇联项目联系人（也可以打妇联维权热线12338）。

**哪些情况要警惕：** 身上有说不清的伤；突然很怕某个人；说出或做出和年龄不符的性方面的话和动作；经常挨饿、没人照看；长期不上学。

**孩子向你说出心事时：** 耐心听，相信他，告诉他“不是你的错”；不要答应“替你保密”，可以说“这件事我要告诉能帮你的人”。

**报告以后：** 监护人不尽责或伤害孩子的，村（居）委会要劝诫、制止，严重的报告公安机关，公安机关可以训诫并责令其接受家庭教育指导（第一百一十八条）；孩子遭受监护人严重伤害、需要紧急安置的，民政部门依法临时监护（第九十二条）；法院可以作出人身安全保护令或撤销监护人资格（第一百零八条）。`,
          en: `**Everyone has the right to step in (Article 11, paragraph 1).** Any organisation or individual who finds something harmful to a child’s physical or mental health, or that infringes a child’s rights, has the right to dissuade or stop it, or to report it to the police, civil affairs, education or other relevant departments.

**Mandatory reporting (Article 11, paragraph 2).** State organs, village and residents’ committees, and organisations in close contact with minors and their staff who, in their work, find that a child **has been harmed, is suspected of having been harmed**, or faces other danger **must report immediately** to the police, civil affairs, education or other relevant departments. Where someone with this duty fails to report and serious consequences follow, the responsible persons are disciplined according to law (Article 117). Guardians who find that a child has been harmed must also report immediately if the situation is serious (Article 20).

As a caring mother, hold yourself to the mandatory-reporting standard:

- **report on suspicion** — do not wait for firm proof;
- do not settle things privately or cover up for the person causing harm;
- do not “interrogate” the child yourself, and do not confront the person causing harm;
- if it is urgent and the child is in danger, **call 110 at once**; also tell the village or residents’ committee and your Women’s Federation project contact (you can also call the Women’s Federation rights hotline, 12338).

**Warning signs:** unexplained injuries; sudden fear of a particular person; sexual words or behaviour not normal for the child’s age; often hungry or left without care; staying away from school for a long time.

**When a child confides in you:** listen patiently, believe them, and tell them “it is not your fault.” Do not promise to keep it secret; say instead, “I need to tell people who can help you.”

**After a report:** where guardians fail in their duties or harm the child, the village or residents’ committee must admonish them and stop it, and report serious cases to the police, who can formally reprimand the guardians and order them to receive family-education guidance (Article 118). If a child is seriously harmed by a guardian and needs emergency placement, the civil affairs department takes temporary guardianship (Article 92). A court can issue a personal safety protection order or revoke a guardian’s status (Article 108).`,
        },
      },
      {
        title: {
          'zh-CN': '第五课　尊重孩子的隐私，守护孩子的网络生活',
          en: 'Lesson 5 — Respecting the child’s privacy and protecting the child online',
        },
        hours: 1.5,
        body: {
          'zh-CN': `**隐私是孩子的权利。** 保护孩子的隐私和个人信息，是“最有利于未成年人”原则的要求（第四条）。任何人不得隐匿、毁弃、非法删除孩子的信件、日记、电子邮件或其他网络聊天内容；除下面三种情况外，任何人都不得开拆、查阅（第六十三条）：

1. 无民事行为能力的孩子（一般指不满8周岁的孩子），由父母或其他监护人代为开拆、查阅；
2. 因国家安全或追查刑事犯罪，依法进行检查；
3. 紧急情况下，为了保护孩子本人的人身安全。

所以，爱心妈妈不能翻看孩子的日记、书包里的信或手机聊天记录。想了解孩子，就多陪伴、多聊天。

**不把孩子的事往外说。** 不在朋友圈、短视频、微信群里发能认出孩子的照片、姓名、学校、住址，不议论孩子的家事。孩子如果卷入案件，任何组织和个人都不得披露孩子的姓名、影像、住所、学校等能认出身份的信息（第一百零三条）。

**网络保护（第五章）。** 监护人要提高网络素养，引导和监督孩子上网，可以在手机上安装未成年人网络保护软件、选择适合孩子的模式，合理安排上网时间（第七十一条）。网络游戏不得在每天22点到第二天8点向未成年人提供服务（第七十五条）。任何人不得在网上侮辱、诽谤、威胁孩子，遭受网络欺凌的孩子和监护人有权要求平台删除、屏蔽（第七十七条）。

**爱心妈妈怎么做：** 和爷爷奶奶一起给手机开“青少年模式”；聊聊孩子在网上认识了谁；提醒孩子不给陌生网友发照片、不单独去见网友。`,
          en: `**Privacy is a child’s right.** Protecting a child’s privacy and personal information is part of the best-interests principle (Article 4). No one may hide, destroy or unlawfully delete a child’s letters, diaries, emails or other online messages, and no one may open or read them except in three situations (Article 63):

1. parents or other guardians of a child without civil capacity (generally a child under eight) opening or reading them on the child’s behalf;
2. lawful inspection for national security or to investigate a crime;
3. an emergency where it is needed to protect the child’s own safety.

So a caring mother must not read a child’s diary, the letters in their school bag or the chats on their phone. If you want to understand the child, spend time together and talk.

**Keep the child’s affairs private.** Do not post photos, names, schools or addresses that could identify the child on WeChat Moments, short-video apps or group chats, and do not gossip about the child’s family. If a child is involved in a legal case, no organisation or individual may disclose the child’s name, image, home, school or any other information that could identify them (Article 103).

**Online protection (Chapter 5).** Guardians should improve their own internet skills and guide and supervise the child’s internet use, for example by installing child-protection software, choosing a child-friendly mode and setting reasonable screen time (Article 71). Online game providers may not serve minors between 10 p.m. and 8 a.m. (Article 75). No one may insult, defame or threaten a child online; a child who is cyberbullied and the child’s guardians have the right to ask the platform to delete or block the content (Article 77).

**What a caring mother does:** help the grandparents switch the phone to “youth mode”; chat with the child about who they have met online; remind the child not to send photos to online strangers and never to meet an online friend alone.`,
        },
      },
      {
        title: {
          'zh-CN': '第六课　学校、社会、政府、司法保护：爱心妈妈可以找谁帮忙',
          en: 'Lesson 6 — School, social, government and judicial protection: who can help',
        },
        hours: 1,
        body: {
          'zh-CN': `爱心妈妈不是一个人在保护孩子，法律给孩子身边安排了很多帮手。

**学校保护（第三章）：** 老师不得体罚、变相体罚孩子或侮辱孩子人格（第二十七条）；学校不得因家庭情况歧视学生，要配合建立留守学生信息档案、开展关爱帮扶（第二十九条）；对辍学的孩子要登记并劝返（第二十八条）；要建立防治学生欺凌和预防性侵害、性骚扰的制度（第三十九条、第四十条）。

**社会保护（第四章）：** 禁止拐卖、绑架、虐待孩子，禁止对孩子性侵害、性骚扰（第五十四条）；禁止向孩子卖烟、酒、彩票（第五十九条）；学校等密切接触孩子的单位招人时，要查询应聘者有没有性侵害、虐待等违法犯罪记录（第六十二条）。

**政府保护（第六章）：** 乡镇（街道）要设未成年人保护工作站或指定专人（第八十一条）；政府要保障留守孩子接受义务教育（第八十三条）；需要时由民政部门临时监护孩子（第九十二条）；开通全国统一的未成年人保护热线（第九十七条）。

**司法保护（第七章）：** 公安、检察院、法院询问孩子时，要通知监护人或其他合适成年人到场（第一百一十条）；孩子遭受性侵害或暴力伤害的，询问要尽量一次完成，被询问的是女孩时要由女性工作人员进行（第一百一十二条）；需要时为孩子提供法律援助（第一百零四条）。

**爱心妈妈怎么做：** 把村（居）委会儿童主任、孩子的班主任、乡镇未成年人保护工作站、当地派出所的电话记在本子上。遇事不慌，找对人。`,
          en: `A caring mother does not protect the child alone: the law places many helpers around the child.

**School protection (Chapter 3):** teachers must not use corporal punishment, disguised corporal punishment or humiliation (Article 27); schools must not discriminate against pupils because of family circumstances, and must help keep records on left-behind pupils and support them (Article 29); schools must register pupils who drop out and persuade them to return (Article 28); schools must have systems against bullying and to prevent sexual abuse and harassment (Articles 39 and 40).

**Social protection (Chapter 4):** trafficking, kidnapping and abuse of children, and sexual abuse or harassment of children, are prohibited (Article 54); selling tobacco, alcohol or lottery tickets to children is prohibited (Article 59); schools and other organisations in close contact with children must check whether applicants have records of sexual abuse, maltreatment or similar offences before hiring them (Article 62).

**Government protection (Chapter 6):** townships and sub-districts must set up a child-protection workstation or designate a responsible person (Article 81); governments must make sure left-behind children receive compulsory education (Article 83); civil affairs departments take temporary guardianship when needed (Article 92); a nationwide child-protection hotline must be provided (Article 97).

**Judicial protection (Chapter 7):** when the police, procuratorate or court question a child, they must notify the guardian or another appropriate adult to be present (Article 110); in cases of sexual abuse or violent injury, questioning should be done in one session where possible, and a girl must be questioned by female staff (Article 112); legal aid is provided to children who need it (Article 104).

**What a caring mother does:** write down the phone numbers of the village or residents’ committee’s children’s director, the child’s head teacher, the township child-protection workstation and the local police station. When something happens, stay calm and go to the right person.`,
        },
      },
    ],
    assessments: [
      {
        kind: 'quiz',
        title: {
          'zh-CN': '《未成年人保护法》结业测验',
          en: 'Law on the Protection of Minors — final quiz',
        },
        passMark: 80,
        maxAttempts: 3,
        questions: [
          {
            kind: 'single',
            prompt: {
              'zh-CN': '《未成年人保护法》所称的“未成年人”是指：',
              en: 'Under the Law on the Protection of Minors, a “minor” is:',
            },
            options: [
              { 'zh-CN': '未满十四周岁的公民', en: 'a citizen under 14' },
              { 'zh-CN': '未满十六周岁的公民', en: 'a citizen under 16' },
              { 'zh-CN': '未满十八周岁的公民', en: 'a citizen under 18' },
              { 'zh-CN': '未满二十周岁的公民', en: 'a citizen under 20' },
            ],
            correct: [2],
            explanation: {
              'zh-CN': '第二条：本法所称未成年人是指未满十八周岁的公民。',
              en: 'Article 2: a minor under this Law is a citizen who has not reached the age of eighteen.',
            },
          },
          {
            kind: 'single',
            prompt: {
              'zh-CN': '处理涉及未成年人的事项，法律要求坚持什么原则？',
              en: 'What principle does the law require when handling matters that concern a minor?',
            },
            options: [
              { 'zh-CN': '监护人说了算的原则', en: 'The guardian has the final say' },
              { 'zh-CN': '最有利于未成年人的原则', en: 'The best interests of the minor' },
              { 'zh-CN': '少数服从多数的原则', en: 'The majority decides' },
              { 'zh-CN': '谁出钱谁决定的原则', en: 'Whoever pays decides' },
            ],
            correct: [1],
            explanation: {
              'zh-CN': '第四条：保护未成年人，应当坚持最有利于未成年人的原则，包括特殊优先保护、尊重人格尊严、保护隐私、听取未成年人意见等要求。',
              en: 'Article 4: protection of minors must follow the principle of the best interests of the minor, including special and priority protection, respect for dignity, protection of privacy and listening to the minor’s views.',
            },
          },
          {
            kind: 'single',
            prompt: {
              'zh-CN': '父母外出务工、委托他人照护孩子的，至少多长时间要和孩子、被委托人联系交流一次？',
              en: 'When working parents have entrusted their child to a carer, how often at minimum must they contact and talk with the child and the carer?',
            },
            options: [
              { 'zh-CN': '每天一次', en: 'Once a day' },
              { 'zh-CN': '每周一次', en: 'Once a week' },
              { 'zh-CN': '每月一次', en: 'Once a month' },
              { 'zh-CN': '每学期一次', en: 'Once a school term' },
            ],
            correct: [1],
            explanation: {
              'zh-CN': '第二十三条：父母或者其他监护人应当与未成年人、被委托人至少每周联系和交流一次，了解孩子的生活、学习、心理等情况，并给予亲情关爱。',
              en: 'Article 23: parents or other guardians must contact and talk with the minor and the entrusted carer at least once a week, follow the child’s life, studies and state of mind, and give family affection.',
            },
          },
          {
            kind: 'single',
            prompt: {
              'zh-CN': '父母或者其他监护人不得让未满多少周岁的未成年人脱离监护、单独生活？',
              en: 'Parents or other guardians must not let a minor below what age live alone outside a guardian’s care?',
            },
            options: [
              { 'zh-CN': '十二周岁', en: '12' },
              { 'zh-CN': '十四周岁', en: '14' },
              { 'zh-CN': '十六周岁', en: '16' },
              { 'zh-CN': '十八周岁', en: '18' },
            ],
            correct: [2],
            explanation: {
              'zh-CN':
                '第二十一条第二款：未成年人的父母或者其他监护人不得使未满十六周岁的未成年人脱离监护单独生活。（同条第一款还规定，不得使未满八周岁的孩子处于无人看护状态。）',
              en: 'Article 21, paragraph 2: parents or other guardians must not let a minor under sixteen live alone outside a guardian’s care. (Paragraph 1 of the same article also forbids leaving a child under eight unsupervised.)',
            },
          },
          {
            kind: 'multiple',
            prompt: {
              'zh-CN': '下列哪些人依法不得作为留守孩子的被委托照护人？（多选）',
              en: 'Which of the following may NOT, by law, be entrusted with the care of a left-behind child? (Choose all that apply)',
            },
            options: [
              {
                'zh-CN': '曾经虐待、暴力伤害过他人的人',
                en: 'Someone who has abused or violently injured others',
              },
              { 'zh-CN': '有酗酒、赌博恶习的人', en: 'Someone with a heavy-drinking or gambling habit' },
              {
                'zh-CN': '曾经长期不尽照护职责的人',
                en: 'Someone who has long neglected care duties in the past',
              },
              {
                'zh-CN': '身体健康、和孩子感情很好的外婆',
                en: 'A healthy grandmother who is close to the child',
              },
            ],
            correct: [0, 1, 2],
            explanation: {
              'zh-CN':
                '第二十二条第三款：曾实施性侵害、虐待、遗弃、拐卖、暴力伤害等违法犯罪行为的，有吸毒、酗酒、赌博等恶习的，曾拒不履行或者长期怠于履行监护、照护职责的，不得作为被委托人。',
              en: 'Article 22, paragraph 3: people who have committed sexual abuse, maltreatment, abandonment, trafficking, violent injury or similar offences, who have habits such as drug use, heavy drinking or gambling, or who have refused or long neglected guardianship or care duties, may not be entrusted with care.',
            },
          },
          {
            kind: 'multiple',
            prompt: {
              'zh-CN': '下列哪些是法律禁止监护人实施的行为？（多选）',
              en: 'Which of the following does the law forbid guardians to do? (Choose all that apply)',
            },
            options: [
              {
                'zh-CN': '放任应当接受义务教育的孩子辍学',
                en: 'Letting a child of compulsory-school age drop out',
              },
              { 'zh-CN': '给未成年的孩子订婚约', en: 'Arranging a betrothal for a minor child' },
              {
                'zh-CN': '放任孩子进入网吧、酒吧等不适宜的场所',
                en: 'Letting the child go into internet cafés, bars or other unsuitable places',
              },
              {
                'zh-CN': '做与孩子有关的决定前先听听孩子的意见',
                en: 'Listening to the child before making decisions that affect them',
              },
            ],
            correct: [0, 1, 2],
            explanation: {
              'zh-CN':
                '第十七条禁止监护人放任或者迫使孩子失学、辍学，允许、迫使孩子结婚或者为孩子订立婚约，放任孩子进入营业性娱乐场所、酒吧、网吧等场所。听取孩子意见则是第十九条要求监护人做到的。',
              en: 'Article 17 forbids guardians to allow or force a child to drop out of school, to allow or force a child to marry or arrange a betrothal, or to let a child enter commercial entertainment venues, bars or internet cafés. Listening to the child is something Article 19 requires guardians to do.',
            },
          },
          {
            kind: 'multiple',
            prompt: {
              'zh-CN': '父母委托他人照护孩子后，应当把委托照护情况书面告知哪些单位？（多选）',
              en: 'After entrusting their child to a carer, which bodies must the parents inform in writing? (Choose all that apply)',
            },
            options: [
              {
                'zh-CN': '孩子所在的学校或幼儿园',
                en: 'The child’s school or kindergarten',
              },
              {
                'zh-CN': '孩子实际居住地的村民委员会或居民委员会',
                en: 'The village or residents’ committee where the child actually lives',
              },
              { 'zh-CN': '父母打工的单位', en: 'The parents’ employer' },
              { 'zh-CN': '当地法院', en: 'The local court' },
            ],
            correct: [0, 1],
            explanation: {
              'zh-CN': '第二十三条：父母或者其他监护人应当及时将委托照护情况书面告知未成年人所在学校、幼儿园和实际居住地的居民委员会、村民委员会。',
              en: 'Article 23: parents or other guardians must promptly inform, in writing, the minor’s school or kindergarten and the residents’ or village committee where the minor actually lives.',
            },
          },
          {
            kind: 'multiple',
            prompt: {
              'zh-CN': '《未成年人保护法》规定的“六大保护”包括下列哪些？（多选）',
              en: 'Which of the following are among the “six protections” in the Law on the Protection of Minors? (Choose all that apply)',
            },
            options: [
              { 'zh-CN': '家庭保护', en: 'Family protection' },
              { 'zh-CN': '网络保护', en: 'Online protection' },
              { 'zh-CN': '宗族保护', en: 'Clan protection' },
              { 'zh-CN': '政府保护', en: 'Government protection' },
              { 'zh-CN': '司法保护', en: 'Judicial protection' },
            ],
            correct: [0, 1, 3, 4],
            explanation: {
              'zh-CN': '本法第二章至第七章（第十五条至第一百一十六条）依次规定了家庭保护、学校保护、社会保护、网络保护、政府保护、司法保护，没有“宗族保护”。',
              en: 'Chapters 2 to 7 of the Law (Articles 15 to 116) set out, in order, family, school, social, online, government and judicial protection; there is no “clan protection”.',
            },
          },
          {
            kind: 'true_false',
            prompt: {
              'zh-CN': '爱心妈妈发现孩子身上有说不清的伤、疑似被打，应当先私下和孩子家人商量，等确认了再决定要不要报告。',
              en: 'If a caring mother sees unexplained injuries and suspects the child is being beaten, she should first talk it over privately with the family and decide whether to report only once it is confirmed.',
            },
            options: trueFalse(),
            correct: [1],
            explanation: {
              'zh-CN':
                '错误。第十一条规定任何人都有权制止和检举；村（居）委会、密切接触未成年人的单位及其工作人员发现孩子“受到侵害、疑似受到侵害”就应当立即报告，不需要先确认。爱心妈妈应按这个标准及时报告，紧急时拨打110。',
              en: 'False. Article 11 gives everyone the right to intervene and report, and requires village and residents’ committees and organisations in close contact with minors and their staff to report immediately when a child “has been harmed or is suspected of having been harmed” — confirmation is not needed first. A caring mother should report promptly to that standard, calling 110 in an emergency.',
            },
          },
          {
            kind: 'true_false',
            prompt: {
              'zh-CN': '爱心妈妈出于关心，可以随时翻看孩子的日记和手机聊天记录。',
              en: 'Out of concern, a caring mother may read the child’s diary and phone chats whenever she likes.',
            },
            options: trueFalse(),
            correct: [1],
            explanation: {
              'zh-CN':
                '错误。第六十三条：除无民事行为能力孩子的父母或监护人代为查阅、因国家安全或追查刑事犯罪依法检查、紧急情况下为保护孩子人身安全这三种情形外，任何组织或者个人不得开拆、查阅未成年人的信件、日记、电子邮件或其他网络通讯内容。',
              en: 'False. Article 63: apart from parents or guardians of a child without civil capacity acting on the child’s behalf, lawful inspection for national security or criminal investigation, and emergencies to protect the child’s safety, no organisation or individual may open or read a minor’s letters, diaries, emails or other online messages.',
            },
          },
          {
            kind: 'true_false',
            prompt: {
              'zh-CN': '村民委员会、居民委员会应当建立留守未成年人的信息档案，并给予关爱帮扶。',
              en: 'Village and residents’ committees must keep records on left-behind minors and provide them with care and support.',
            },
            options: trueFalse(),
            correct: [0],
            explanation: {
              'zh-CN':
                '正确。第四十三条：村（居）委会应当设置专人专岗负责未成年人保护工作，建立留守未成年人、困境未成年人的信息档案并给予关爱帮扶，还要协助监督委托照护情况。',
              en: 'True. Article 43: village and residents’ committees must assign a dedicated person to child protection, keep records on left-behind and vulnerable minors and support them, and help monitor entrusted-care arrangements.',
            },
          },
          {
            kind: 'true_false',
            prompt: {
              'zh-CN': '为了给孩子募捐，爱心妈妈可以把孩子的照片、全名、学校和家庭住址发到朋友圈和网上。',
              en: 'To raise donations for a child, a caring mother may post the child’s photo, full name, school and home address on WeChat Moments and online.',
            },
            options: trueFalse(),
            correct: [1],
            explanation: {
              'zh-CN':
                '错误。第四条要求处理涉及未成年人的事项应当保护未成年人的隐私权和个人信息。公开能认出孩子身份的信息会给孩子带来伤害和危险；确需帮助孩子，应通过妇联、村（居）委会等正规渠道，并征得监护人同意。',
              en: 'False. Article 4 requires that the privacy and personal information of minors be protected in every matter concerning them. Publishing details that identify a child can expose the child to harm and danger; if the child needs help, go through proper channels such as the Women’s Federation or the village or residents’ committee, with the guardian’s consent.',
            },
          },
        ],
      },
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // 2. 预防未成年人犯罪法
  // ---------------------------------------------------------------------------------------------
  {
    code: 'LAW-PJD',
    category: 'law',
    title: {
      'zh-CN': '《中华人民共和国预防未成年人犯罪法》（2020年修订）',
      en: 'Law of the People’s Republic of China on the Prevention of Juvenile Delinquency (2020 revision)',
    },
    description: {
      'zh-CN':
        '学习2020年修订、2021年6月1日起施行的《预防未成年人犯罪法》：怎样分辨“不良行为”和“严重不良行为”，家庭、学校、村（居）委会各有什么责任，专门教育是什么，以及怎样帮助犯过错的孩子回到正路。留守孩子身边少了父母的提醒，爱心妈妈学会早发现、早提醒、早报告，就能在孩子走偏的第一步拉住他，同时保护好孩子的尊严和隐私。',
      en: 'Covers the Law on the Prevention of Juvenile Delinquency (revised 2020, in force 1 June 2021): how to tell “misbehaviour” from “serious misbehaviour”, what families, schools and village or residents’ committees must do, what specialised education is, and how to help a child who has done wrong get back on track. A left-behind child has no parent nearby to set them straight; a caring mother who notices early, speaks up early and reports early can catch a child at the first wrong step while protecting the child’s dignity and privacy.',
    },
    requiredHours: 6,
    minAttendancePct: 80,
    validityMonths: 24,
    requiredForVolunteers: true,
    prerequisiteCodes: [],
    lessons: [
      {
        title: {
          'zh-CN': '第一课　总则：教育和保护相结合，预防为主、分级干预',
          en: 'Lesson 1 — General provisions: education with protection, prevention first, graded intervention',
        },
        hours: 1,
        body: {
          'zh-CN': `《预防未成年人犯罪法》于2020年12月26日修订，2021年6月1日起施行，共七章六十八条。

**基本思路（第二条）。** 预防未成年人犯罪，立足于**教育和保护相结合**，坚持**预防为主、提前干预**，对孩子的不良行为和严重不良行为及时进行**分级**预防、干预和矫治。法律按问题轻重分层次安排：

- 对所有孩子进行预防犯罪的教育（第二章）；
- 对“不良行为”及时干预（第三章）；
- 对“严重不良行为”进行矫治（第四章）；
- 对已经犯过罪的孩子预防重新犯罪（第五章）。

**尊重孩子（第三条）。** 做预防工作，也要尊重孩子的人格尊严，保护孩子的名誉权、隐私权和个人信息。

**大家一起管（第四条、第八条）。** 政府组织、各方配合、综合治理；妇女联合会等组织要协助做好预防工作。**任何组织或者个人**都不得教唆、胁迫、引诱孩子实施不良行为或严重不良行为，也不得为孩子做这些事提供条件（第十条）。

**和爱心妈妈的关系：** 孩子走上歪路，很少是一天形成的。留守孩子身边少了父母的关注，小毛病更容易没人发现。爱心妈妈多一双眼睛、多一句提醒，就是在做“提前干预”。`,
          en: `The Law on the Prevention of Juvenile Delinquency was revised on 26 December 2020 and took effect on 1 June 2021. It has seven chapters and 68 articles.

**The basic approach (Article 2).** Preventing juvenile crime rests on **combining education with protection**, putting **prevention first and intervening early**, and dealing promptly, **by grade**, with children’s misbehaviour and serious misbehaviour through prevention, intervention and correction. The law arranges its measures by how serious the problem is:

- crime-prevention education for all children (Chapter 2);
- prompt intervention in “misbehaviour” (Chapter 3);
- correction of “serious misbehaviour” (Chapter 4);
- prevention of reoffending by children who have already committed crimes (Chapter 5).

**Respect for the child (Article 3).** Prevention work must respect the child’s dignity and protect the child’s reputation, privacy and personal information.

**Everyone shares the work (Articles 4 and 8).** The government organises comprehensive efforts with all parties cooperating, and organisations including the Women’s Federation must help with prevention. **No organisation or individual** may instigate, coerce or lure a child into misbehaviour or serious misbehaviour, or provide the means for it (Article 10).

**Why it matters to a caring mother:** children rarely go astray overnight. Without parents close by, a left-behind child’s small problems are more easily missed. An extra pair of eyes and a timely word from a caring mother are exactly the “early intervention” the law has in mind.`,
        },
      },
      {
        title: {
          'zh-CN': '第二课　预防从家里开始：监护人和身边人的责任',
          en: 'Lesson 2 — Prevention starts at home: the duties of guardians and those around the child',
        },
        hours: 1,
        body: {
          'zh-CN': `**父母负直接责任（第十六条）。** 孩子的父母或者其他监护人对孩子的预防犯罪教育负有直接责任，要依法履行监护职责，树立好家风，培养孩子良好的品行；发现孩子心理或行为异常，要及时了解情况，进行教育、引导和劝诫，不得拒绝或者怠于履行监护职责。父母在外地，这份责任也没有减少。

**家校配合（第二十二条）。** 学校要把预防犯罪教育计划告诉家长，家长要配合学校。学校发现孩子可能有精神障碍的，要立即告诉监护人，送专业机构诊治（第十九条）。

**身边的组织（第二十四条、第二十五条）。** 妇联等组织要开展多种形式的预防犯罪宣传教育；村（居）委会要开展有针对性的宣传，及时掌握本地孩子的监护、上学和就业情况。

**爱心妈妈怎么做：**

- 做孩子和外出父母之间的“传话筒”：把孩子的变化、学校老师的反映及时告诉父母，提醒父母多关心；
- 用孩子听得懂的话讲道理：别人的东西不能拿，不能动手打人，不碰烟酒和毒品，网上不乱加陌生人；
- 多夸孩子做得好的地方，多陪孩子说说话。孩子心里有人惦记，就不容易被坏人拉走。

注意：讲道理要温和，不吓唬、不打骂，也不要拿“坏孩子”“要坐牢”来吓孩子。`,
          en: `**Parents bear direct responsibility (Article 16).** A child’s parents or other guardians are directly responsible for the child’s crime-prevention education. They must carry out their guardianship duties, build good family values and nurture good conduct. When they notice psychological or behavioural problems, they must promptly find out what is happening and educate, guide and counsel the child; they must not refuse or neglect their guardianship duties. Working far away does not reduce this responsibility.

**Home and school working together (Article 22).** Schools must tell parents about their crime-prevention education plans, and parents must cooperate with the school. If a school finds that a pupil may have a mental disorder, it must tell the guardians at once so the child can be taken for professional diagnosis and treatment (Article 19).

**Organisations around the child (Articles 24 and 25).** The Women’s Federation and other bodies must run crime-prevention education in many forms. Village and residents’ committees must carry out targeted awareness work and keep track of local children’s guardianship, schooling and employment.

**What a caring mother does:**

- be the link between the child and the parents far away: pass on changes in the child and what teachers say, and encourage the parents to stay involved;
- explain right and wrong in words the child understands: don’t take other people’s things, don’t hit people, stay away from cigarettes, alcohol and drugs, don’t add strangers online;
- praise what the child does well and spend time talking together. A child who knows someone cares is harder for bad influences to pull away.

Note: be gentle when you teach. Do not frighten or hit the child, and do not threaten them with being a “bad kid” or “going to prison”.`,
        },
      },
      {
        title: {
          'zh-CN': '第三课　不良行为：早发现、早干预',
          en: 'Lesson 3 — Misbehaviour: notice early, step in early',
        },
        hours: 1.5,
        body: {
          'zh-CN': `**什么是“不良行为”（第二十八条）。** 指不利于孩子健康成长的下列行为：

1. 吸烟、饮酒；
2. 多次旷课、逃学；
3. 无故夜不归宿、离家出走；
4. 沉迷网络；
5. 与社会上有不良习性的人交往，组织或参加实施不良行为的团伙；
6. 进入法律法规规定未成年人不宜进入的场所；
7. 参与赌博、变相赌博，或参加封建迷信、邪教等活动；
8. 阅览、观看或收听宣扬淫秽、色情、暴力、恐怖、极端等内容的读物、音像制品或网络信息；
9. 其他不利于孩子身心健康成长的不良行为。

**谁来管、怎么管。** 监护人发现后应当及时制止并加强管教（第二十九条）；公安机关、村（居）委会发现后应当及时制止，并督促监护人履行职责（第三十条）。学校要加强管理教育，**不得歧视**，拒不改正或情节严重的，可以训导、要求参加专题教育、接受心理辅导等（第三十一条），并及时告诉家长（第三十二条）。孩子旷课逃学，学校要及时联系家长（第三十四条）。发现孩子组织或参加不良团伙，监护人、学校要及时制止；团伙有违法犯罪嫌疑的，立即报告公安机关（第三十七条）。

**孩子离家出走（第三十五条）。** 监护人和寄宿制学校要及时查找，必要时报告公安机关。**收留**夜不归宿、离家出走孩子的人，要及时联系孩子的父母或其他监护人、学校；联系不上的，及时报告公安机关。

**爱心妈妈怎么做：** 不贴“坏孩子”标签，不当众批评；先问清原因（是想爸妈了？被欺负了？）；及时告诉照护人、父母和老师。孩子跑到你家不肯回去，要马上告诉他的家人和学校，不能瞒着。`,
          en: `**What “misbehaviour” means (Article 28).** The following behaviour that harms a child’s healthy development:

1. smoking or drinking alcohol;
2. repeatedly skipping classes or playing truant;
3. staying out all night without good reason, or running away from home;
4. internet addiction;
5. associating with people of bad habits in society, or organising or joining a group that misbehaves;
6. entering places that laws and regulations say are unsuitable for minors;
7. gambling or disguised gambling, or taking part in feudal superstition, cults and the like;
8. reading, watching or listening to material or online content that promotes obscenity, pornography, violence, terrorism, extremism and the like;
9. other misbehaviour harmful to a child’s healthy development.

**Who steps in, and how.** Guardians who discover it must stop it promptly and tighten discipline (Article 29). The police and village or residents’ committees who discover it must stop it promptly and urge the guardians to do their duty (Article 30). Schools must strengthen management and education and **must not discriminate**; where a pupil refuses to change or the case is serious, the school may give a formal talking-to, require special education sessions, require counselling and so on (Article 31), and must tell the parents promptly (Article 32). When a pupil skips school, the school must contact the parents promptly (Article 34). If a child organises or joins a misbehaving group, guardians and schools must stop it promptly; if the group is suspected of breaking the law, they must report to the police at once (Article 37).

**Running away (Article 35).** Guardians and boarding schools must search for the child promptly and report to the police when necessary. Anyone who **takes in** a child who has stayed out overnight or run away must promptly contact the child’s parents or other guardians and school; if they cannot be reached, report to the police promptly.

**What a caring mother does:** do not label the child a “bad kid” or criticise them in front of others; first find out why (missing Mum and Dad? being bullied?); tell the carer, the parents and the teacher promptly. If the child turns up at your home and refuses to go back, tell the family and the school straight away — never keep it from them.`,
        },
      },
      {
        title: {
          'zh-CN': '第四课　严重不良行为的矫治和专门教育',
          en: 'Lesson 4 — Correcting serious misbehaviour, and specialised education',
        },
        hours: 1.5,
        body: {
          'zh-CN': `**什么是“严重不良行为”（第三十八条）。** 指孩子做了刑法规定的行为、只是因为年龄不够而不予刑事处罚的，以及下列严重危害社会的行为：结伙斗殴、强拿硬要等寻衅滋事；非法携带匕首等管制器具；殴打、辱骂、恐吓或故意伤害他人；盗窃、抢夺或故意损毁财物；传播淫秽物品；卖淫、嫖娼；吸毒或向他人提供毒品；参与赌博赌资较大等。

**年龄小不等于不管。** 按照刑法，孩子没到法定刑事责任年龄的，不追究刑事责任；但本法要求对他们进行矫治教育，情况严重的还可以进行专门矫治教育（第四十五条）。

**发现有人带坏孩子（第三十九条）。** 监护人、学校、村（居）委会发现有人教唆、胁迫、引诱孩子实施严重不良行为的，应当**立即报告公安机关**。

**公安机关的矫治教育措施（第四十条、第四十一条）。** 及时制止、调查处理，可以责令监护人严加管教；可以对孩子训诫，责令赔礼道歉、赔偿损失、接受心理辅导和行为矫治、参加社会服务活动等。监护人要积极配合，不得阻挠或放任不管（第四十二条）。

**专门学校、专门教育。** 专门教育是国民教育体系的组成部分，是一种保护性的教育矫治措施（第六条），不是坐牢。家长或学校管不了、管教无效的，可以向教育行政部门申请，经专门教育指导委员会评估同意后送入专门学校（第四十三条）；情节恶劣、多次实施或拒不配合矫治的，教育行政部门会同公安机关可以决定送入（第四十四条）。在专门学校，没完成义务教育的要继续接受义务教育，学籍保留在原学校（第四十七条）；每学期评估，适合的可以转回普通学校，原学校不得拒收（第四十六条）。

**爱心妈妈怎么做：** 发现孩子被人拉拢去偷、去打架、碰毒品，马上告诉监护人，并报告公安机关和村（居）委会；不要自己去找那些人理论，保护好自己和孩子。`,
          en: `**What “serious misbehaviour” means (Article 38).** Acts defined in the Criminal Law that go unpunished only because the child is below the age of criminal responsibility, and the following acts that seriously harm society: provocative and disorderly conduct such as gang fights or taking things by force; illegally carrying controlled weapons such as daggers; beating, verbally abusing, threatening or deliberately injuring others; stealing, snatching or deliberately damaging property; spreading obscene material; prostitution or soliciting prostitutes; taking drugs or providing drugs to others; gambling for large stakes; and so on.

**Being young does not mean being left alone.** Under the Criminal Law, a child below the age of criminal responsibility is not held criminally liable, but this Law requires corrective education for them, and in serious cases specialised corrective education (Article 45).

**When someone is leading a child astray (Article 39).** Guardians, schools and village or residents’ committees who find someone instigating, coercing or luring a child into serious misbehaviour must **report to the police immediately**.

**Police corrective-education measures (Articles 40 and 41).** The police stop the behaviour promptly, investigate and deal with it, and may order the guardians to discipline the child strictly. They may reprimand the child, or order the child to apologise and pay compensation, receive counselling and behavioural correction, do community service, and so on. Guardians must cooperate actively and must not obstruct or ignore these measures (Article 42).

**Specialised schools and specialised education.** Specialised education is part of the national education system and a protective educational and corrective measure (Article 6) — it is not prison. Where parents or the school cannot manage the child or their efforts have failed, they may apply to the education authority, and after assessment and approval by the specialised education steering committee the child is sent to a specialised school (Article 43). Where the acts are egregious, repeated, or the child refuses corrective measures, the education authority together with the police may decide to send the child (Article 44). At a specialised school, a child who has not finished compulsory education must continue it, and the child’s school registration stays with the original school (Article 47). Pupils are assessed every term; those found ready may return to an ordinary school, and the original school may not refuse them (Article 46).

**What a caring mother does:** if you find the child being drawn into stealing, fighting or drugs, tell the guardians at once and report to the police and the village or residents’ committee. Do not go and confront those people yourself; keep yourself and the child safe.`,
        },
      },
      {
        title: {
          'zh-CN': '第五课　预防重新犯罪：帮犯过错的孩子回到正路',
          en: 'Lesson 5 — Preventing reoffending: helping a child who has done wrong get back on track',
        },
        hours: 1,
        body: {
          'zh-CN': `对违法犯罪的孩子，国家实行**教育、感化、挽救**的方针，坚持教育为主、惩罚为辅（《未成年人保护法》第一百一十三条）。孩子犯了错、受了处理，最需要的是有人拉一把。

**身边人都有帮教责任（第五十七条）。** 监护人、学校、村（居）委会对接受社区矫正、刑满释放的孩子，应当采取有效的帮教措施，协助做好安置帮教工作。村（居）委会可以聘请品德好、作风正派、热心未成年人工作的离退休人员、**志愿者**等协助帮教。

**不得歧视（第五十八条）。** 刑满释放和接受社区矫正的孩子，在复学、升学、就业等方面依法享有和其他孩子同等的权利，任何单位和个人不得歧视。

**记录要保密（第五十九条）。** 孩子的犯罪记录依法被封存的，公安、检察院、法院和司法行政部门不得向任何单位或个人提供（司法机关办案需要或有关单位依国家规定查询的除外），依法查询的也要保密；孩子接受专门教育、专门矫治教育，被行政处罚、采取刑事强制措施和不起诉的记录，也照此办理。

**监护人不尽责（第六十一条）。** 办案中发现有严重不良行为孩子的监护人不依法履行监护职责的，应当予以训诫，并可以责令其接受家庭教育指导。

**爱心妈妈怎么做：** 替孩子保守秘密，不在村里议论孩子的过去；鼓励孩子回学校、学手艺；把孩子的进步告诉父母。参与帮教时，要在村（居）委会、社工的安排下进行，有事一起商量，也照顾好自己的安全。`,
          en: `For children who have broken the law, the State follows a policy of **education, persuasion and rescue**, with education as the main approach and punishment secondary (Law on the Protection of Minors, Article 113). A child who has done wrong and been dealt with needs, more than anything, someone to help them back up.

**Everyone around the child shares in supporting them (Article 57).** Guardians, schools and village or residents’ committees must take effective support and education measures for children under community correction or released from custody, and help with resettlement and support work. Village and residents’ committees may engage retired people, **volunteers** and others of good character and conduct who care about young people to help with this work.

**No discrimination (Article 58).** Children released from custody or under community correction have the same rights as other children in returning to school, further education and employment; no organisation or individual may discriminate against them.

**Records are kept confidential (Article 59).** Where a child’s criminal record has been sealed by law, the police, procuratorate, courts and justice administration may not provide it to any organisation or individual (except where judicial bodies need it for a case or an organisation makes an inquiry under State rules), and those who lawfully inquire must keep it confidential. The same applies to records of specialised education or specialised corrective education, administrative penalties, criminal compulsory measures and decisions not to prosecute.

**When guardians fail in their duty (Article 61).** If, while handling a case, the authorities find that the guardians of a child with serious misbehaviour are not carrying out their guardianship duties, they must formally reprimand them and may order them to receive family-education guidance.

**What a caring mother does:** keep the child’s secrets and never gossip about their past in the village; encourage the child to go back to school or learn a trade; tell the parents about the child’s progress. When you take part in support work, do it under the arrangements of the village or residents’ committee or social workers, talk things over together, and look after your own safety too.`,
        },
      },
    ],
    assessments: [
      {
        kind: 'quiz',
        title: {
          'zh-CN': '《预防未成年人犯罪法》结业测验',
          en: 'Law on the Prevention of Juvenile Delinquency — final quiz',
        },
        passMark: 80,
        maxAttempts: 3,
        questions: [
          {
            kind: 'single',
            prompt: {
              'zh-CN': '预防未成年人犯罪工作的基本思路是：',
              en: 'The basic approach to preventing juvenile crime is:',
            },
            options: [
              {
                'zh-CN': '教育和保护相结合，预防为主、提前干预，分级预防、干预和矫治',
                en: 'Combine education with protection, put prevention first and intervene early, with graded prevention, intervention and correction',
              },
              { 'zh-CN': '以惩罚为主，从严从重', en: 'Punishment first, as strict and heavy as possible' },
              {
                'zh-CN': '等孩子真正犯了罪再依法处理',
                en: 'Wait until the child actually commits a crime, then deal with it by law',
              },
              { 'zh-CN': '全部交给学校负责', en: 'Leave everything to the school' },
            ],
            correct: [0],
            explanation: {
              'zh-CN':
                '第二条：预防未成年人犯罪，立足于教育和保护未成年人相结合，坚持预防为主、提前干预，对未成年人的不良行为和严重不良行为及时进行分级预防、干预和矫治。',
              en: 'Article 2: preventing juvenile crime rests on combining education with protection of minors, putting prevention first and intervening early, and dealing promptly with misbehaviour and serious misbehaviour through graded prevention, intervention and correction.',
            },
          },
          {
            kind: 'single',
            prompt: {
              'zh-CN': '下列哪一项属于法律规定的“不良行为”，而不是“严重不良行为”？',
              en: 'Which one of the following is “misbehaviour” under the law, rather than “serious misbehaviour”?',
            },
            options: [
              { 'zh-CN': '盗窃他人财物', en: 'Stealing other people’s property' },
              {
                'zh-CN': '非法携带匕首等管制器具',
                en: 'Illegally carrying a dagger or other controlled weapon',
              },
              { 'zh-CN': '多次旷课、逃学', en: 'Repeatedly skipping classes or playing truant' },
              { 'zh-CN': '吸食毒品', en: 'Taking drugs' },
            ],
            correct: [2],
            explanation: {
              'zh-CN': '第二十八条把“多次旷课、逃学”列为不良行为；盗窃、非法携带管制器具、吸食毒品都列在第三十八条的严重不良行为中。',
              en: 'Article 28 lists “repeatedly skipping classes or playing truant” as misbehaviour; stealing, illegally carrying controlled weapons and taking drugs are listed as serious misbehaviour in Article 38.',
            },
          },
          {
            kind: 'single',
            prompt: {
              'zh-CN': '孩子离家出走跑到爱心妈妈家里，不肯回去。按照法律，收留孩子的人应当怎么做？',
              en: 'A child who has run away turns up at a caring mother’s home and refuses to go back. What does the law require of the person who takes the child in?',
            },
            options: [
              {
                'zh-CN': '先让孩子住几天，等气消了再说',
                en: 'Let the child stay a few days until they calm down, then see',
              },
              {
                'zh-CN': '及时联系孩子的父母或其他监护人、所在学校；联系不上的，及时报告公安机关',
                en: 'Promptly contact the child’s parents or other guardians and school; if they cannot be reached, promptly report to the police',
              },
              {
                'zh-CN': '孩子不愿意，就不告诉家里',
                en: 'If the child does not want it, do not tell the family',
              },
              {
                'zh-CN': '只要孩子安全，谁也不用通知',
                en: 'As long as the child is safe, no one needs to be told',
              },
            ],
            correct: [1],
            explanation: {
              'zh-CN':
                '第三十五条第二款：收留夜不归宿、离家出走未成年人的，应当及时联系其父母或者其他监护人、所在学校；无法取得联系的，应当及时向公安机关报告。',
              en: 'Article 35, paragraph 2: anyone who takes in a minor who has stayed out overnight or run away must promptly contact the minor’s parents or other guardians and school; if they cannot be reached, report to the police promptly.',
            },
          },
          {
            kind: 'single',
            prompt: {
              'zh-CN': '孩子有严重不良行为，父母和学校管教无效，想送孩子去专门学校，应当向哪个部门提出申请？',
              en: 'A child shows serious misbehaviour and the parents’ and school’s efforts have failed. To have the child attend a specialised school, to whom should they apply?',
            },
            options: [
              { 'zh-CN': '村民委员会', en: 'The village committee' },
              { 'zh-CN': '教育行政部门', en: 'The education authority' },
              { 'zh-CN': '人民法院', en: 'The people’s court' },
              { 'zh-CN': '孩子父母打工所在地的派出所', en: 'The police station where the parents work' },
            ],
            correct: [1],
            explanation: {
              'zh-CN':
                '第四十三条：父母或者其他监护人、所在学校无力管教或者管教无效的，可以向教育行政部门提出申请，经专门教育指导委员会评估同意后，由教育行政部门决定送入专门学校接受专门教育。',
              en: 'Article 43: where parents or other guardians or the school cannot manage the child or their efforts have failed, they may apply to the education authority; after assessment and approval by the specialised education steering committee, the education authority decides to send the child to a specialised school.',
            },
          },
          {
            kind: 'multiple',
            prompt: {
              'zh-CN': '下列哪些属于法律规定的“不良行为”？（多选）',
              en: 'Which of the following are “misbehaviour” as defined by the law? (Choose all that apply)',
            },
            options: [
              { 'zh-CN': '吸烟、饮酒', en: 'Smoking or drinking alcohol' },
              { 'zh-CN': '沉迷网络', en: 'Internet addiction' },
              {
                'zh-CN': '无故夜不归宿、离家出走',
                en: 'Staying out all night without good reason, or running away from home',
              },
              { 'zh-CN': '周末参加学校的兴趣小组', en: 'Joining a school hobby group at the weekend' },
            ],
            correct: [0, 1, 2],
            explanation: {
              'zh-CN': '第二十八条列举的不良行为包括：吸烟、饮酒；多次旷课、逃学；无故夜不归宿、离家出走；沉迷网络等。参加兴趣小组是正常有益的活动。',
              en: 'The misbehaviour listed in Article 28 includes smoking and drinking; repeated truancy; staying out all night without reason or running away; internet addiction; and more. Joining a hobby group is a normal, healthy activity.',
            },
          },
          {
            kind: 'multiple',
            prompt: {
              'zh-CN': '下列哪些属于法律规定的“严重不良行为”？（多选）',
              en: 'Which of the following are “serious misbehaviour” as defined by the law? (Choose all that apply)',
            },
            options: [
              { 'zh-CN': '结伙斗殴', en: 'Gang fighting' },
              {
                'zh-CN': '殴打、辱骂、恐吓他人',
                en: 'Beating, verbally abusing or threatening others',
              },
              { 'zh-CN': '吸食、注射毒品', en: 'Taking or injecting drugs' },
              { 'zh-CN': '多次旷课、逃学', en: 'Repeatedly skipping classes or playing truant' },
            ],
            correct: [0, 1, 2],
            explanation: {
              'zh-CN':
                '第三十八条把结伙斗殴等寻衅滋事行为，殴打、辱骂、恐吓或故意伤害他人，吸食、注射毒品等列为严重不良行为；多次旷课、逃学属于第二十八条的不良行为。',
              en: 'Article 38 lists provocative conduct such as gang fights, beating, abusing, threatening or deliberately injuring others, and taking or injecting drugs as serious misbehaviour; repeated truancy is misbehaviour under Article 28.',
            },
          },
          {
            kind: 'multiple',
            prompt: {
              'zh-CN': '对有严重不良行为的未成年人，公安机关可以采取下列哪些矫治教育措施？（多选）',
              en: 'Which corrective-education measures may the police take for a minor with serious misbehaviour? (Choose all that apply)',
            },
            options: [
              { 'zh-CN': '予以训诫', en: 'A formal reprimand' },
              {
                'zh-CN': '责令赔礼道歉、赔偿损失',
                en: 'Ordering an apology and compensation for losses',
              },
              {
                'zh-CN': '责令接受心理辅导、行为矫治',
                en: 'Ordering counselling and behavioural correction',
              },
              { 'zh-CN': '直接判处有期徒刑', en: 'Directly sentencing the child to prison' },
            ],
            correct: [0, 1, 2],
            explanation: {
              'zh-CN':
                '第四十一条列出的矫治教育措施包括训诫，责令赔礼道歉、赔偿损失，责令具结悔过，责令接受心理辅导、行为矫治，责令参加社会服务活动等。判处刑罚只能由人民法院依照刑法审判决定，不是公安机关的矫治教育措施。',
              en: 'The measures listed in Article 41 include a reprimand, ordering an apology and compensation, a pledge of repentance, counselling and behavioural correction, community service and more. Criminal sentences can only be imposed by a people’s court under the Criminal Law; they are not a police corrective-education measure.',
            },
          },
          {
            kind: 'multiple',
            prompt: {
              'zh-CN': '关于专门学校和专门教育，下列说法正确的有：（多选）',
              en: 'Which of the following statements about specialised schools and specialised education are correct? (Choose all that apply)',
            },
            options: [
              {
                'zh-CN': '专门教育是国民教育体系的组成部分',
                en: 'Specialised education is part of the national education system',
              },
              {
                'zh-CN': '在专门学校就读的孩子，学籍保留在原学校',
                en: 'A child at a specialised school keeps their school registration at the original school',
              },
              {
                'zh-CN': '没有完成义务教育的孩子，在专门学校要继续接受义务教育',
                en: 'A child who has not finished compulsory education continues it at the specialised school',
              },
              {
                'zh-CN': '孩子一旦进入专门学校，就再也不能回普通学校',
                en: 'Once in a specialised school, a child can never return to an ordinary school',
              },
            ],
            correct: [0, 1, 2],
            explanation: {
              'zh-CN':
                '第六条：专门教育是国民教育体系的组成部分。第四十七条：对没有完成义务教育的未成年人，应当保证其继续接受义务教育；学籍保留在原学校。第四十六条：每学期评估，适合的可以转回普通学校，原学校不得拒绝接收。',
              en: 'Article 6: specialised education is part of the national education system. Article 47: minors who have not completed compulsory education must be able to continue it, and their registration stays with the original school. Article 46: pupils are assessed every term, those found suitable may return to an ordinary school, and the original school may not refuse them.',
            },
          },
          {
            kind: 'true_false',
            prompt: {
              'zh-CN': '未成年人的父母或者其他监护人对未成年人的预防犯罪教育负有直接责任。',
              en: 'A minor’s parents or other guardians bear direct responsibility for the minor’s crime-prevention education.',
            },
            options: trueFalse(),
            correct: [0],
            explanation: {
              'zh-CN':
                '正确。第十六条：未成年人的父母或者其他监护人对未成年人的预防犯罪教育负有直接责任，发现孩子心理或者行为异常的，应当及时了解情况并进行教育、引导和劝诫。',
              en: 'True. Article 16: parents or other guardians bear direct responsibility for a minor’s crime-prevention education, and when they notice psychological or behavioural problems they must promptly find out what is happening and educate, guide and counsel the child.',
            },
          },
          {
            kind: 'true_false',
            prompt: {
              'zh-CN': '孩子吸烟、喝酒只是“不良行为”，还没有违法，所以监护人可以不管。',
              en: 'Smoking and drinking are only “misbehaviour” and not yet illegal, so the guardian does not need to do anything.',
            },
            options: trueFalse(),
            correct: [1],
            explanation: {
              'zh-CN': '错误。第二十九条：未成年人的父母或者其他监护人发现未成年人有不良行为的，应当及时制止并加强管教。',
              en: 'False. Article 29: when parents or other guardians find that a minor is misbehaving, they must stop it promptly and tighten discipline.',
            },
          },
          {
            kind: 'true_false',
            prompt: {
              'zh-CN': '为了警示别的孩子，可以在村里的大会上点名通报有不良行为的孩子。',
              en: 'To warn other children, it is acceptable to name a misbehaving child at a village meeting.',
            },
            options: trueFalse(),
            correct: [1],
            explanation: {
              'zh-CN':
                '错误。第三条：开展预防未成年人犯罪工作，应当尊重未成年人人格尊严，保护未成年人的名誉权、隐私权和个人信息等合法权益。第三十一条也要求学校对有不良行为的学生不得歧视。',
              en: 'False. Article 3: prevention work must respect minors’ dignity and protect their reputation, privacy and personal information. Article 31 also forbids schools to discriminate against pupils who misbehave.',
            },
          },
          {
            kind: 'true_false',
            prompt: {
              'zh-CN': '刑满释放和接受社区矫正的未成年人，在复学、升学、就业等方面依法享有与其他未成年人同等的权利。',
              en: 'Minors released from custody or under community correction have, by law, the same rights as other minors in returning to school, further education and employment.',
            },
            options: trueFalse(),
            correct: [0],
            explanation: {
              'zh-CN': '正确。第五十八条：刑满释放和接受社区矫正的未成年人，在复学、升学、就业等方面依法享有与其他未成年人同等的权利，任何单位和个人不得歧视。',
              en: 'True. Article 58: minors released from custody or under community correction enjoy the same rights as other minors in returning to school, further education and employment, and no organisation or individual may discriminate against them.',
            },
          },
        ],
      },
    ],
  },
];
