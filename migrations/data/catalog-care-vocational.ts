/**
 * Seed catalogue: care training for 爱心妈妈 volunteers (CARE-*) and free vocational
 * classes for migrant women (VOC-*). Frozen content read by the catalogue migration.
 */
import type { CatalogCourse, CatalogQuestion, Localized } from './catalog-types.js';

/** Join Markdown lines; an empty string starts a new paragraph. */
const md = (...lines: string[]): string => lines.join('\n').replace(/\n{3,}/g, '\n\n');

/** The two options of a true_false question, in the required order. */
const tf = (): Localized[] => [
  { 'zh-CN': '正确', en: 'True' },
  { 'zh-CN': '错误', en: 'False' },
];

const TRUE = 0;
const FALSE = 1;

const o = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

// ---------------------------------------------------------------------------
// CARE-PSY
// ---------------------------------------------------------------------------

const carePsyQuestions: CatalogQuestion[] = [
  {
    kind: 'single',
    prompt: o(
      '一个6岁的孩子在妈妈外出打工后，开始尿床、黏着奶奶不放。最合适的理解是：',
      'After her mother left to work in the city, a 6-year-old started wetting the bed and clinging to her grandmother. What is the best way to understand this?',
    ),
    options: [
      o('孩子故意找麻烦', 'The child is deliberately making trouble'),
      o('这是分离后感到不安的常见表现，需要更多安抚和陪伴', 'This is a common sign of insecurity after separation; she needs more comfort and company'),
      o('孩子得了重病，必须马上住院', 'The child is seriously ill and must go into hospital at once'),
      o('应该严厉批评，让她改正', 'She should be scolded firmly so she stops'),
    ],
    correct: [1],
    explanation: o(
      '学龄前孩子说不清心里的感受，常用哭闹、黏人、尿床等方式表达分离带来的不安。批评会加重不安，更多的拥抱和稳定的陪伴才有帮助。如果持续很久或伴有身体不适，再请医生检查。',
      'Pre-school children cannot put their feelings into words and often show the insecurity of separation through crying, clinging or bed-wetting. Scolding makes the insecurity worse; more hugs and steady company help. If it lasts a long time or comes with physical symptoms, have a doctor check.',
    ),
  },
  {
    kind: 'single',
    prompt: o(
      '孩子对你说：“爸妈不要我了。”哪一句回应最能体现共情？',
      "A child tells you: 'Mum and Dad don't want me any more.' Which reply shows the most empathy?",
    ),
    options: [
      o('别瞎想，你爸妈都是为了你好', "Don't be silly, your parents are doing it for your own good"),
      o('男子汉不许哭', "Big boys don't cry"),
      o('爸妈不在身边，你一定很想他们，心里也很难过吧', 'With Mum and Dad so far away, you must miss them a lot and feel very sad'),
      o('你看隔壁小明从来不哭', 'Look at Xiaoming next door, he never cries'),
    ],
    correct: [2],
    explanation: o(
      '共情就是说出并承认孩子的感受。其他三句是在否定、命令或比较，会让孩子觉得“没人懂我”，不再愿意开口。',
      "Empathy means naming and accepting the child's feelings. The other three replies deny, order or compare, which tells the child 'nobody understands me' and makes them stop talking.",
    ),
  },
  {
    kind: 'multiple',
    prompt: o('以下哪些可能是孩子遭受欺凌的信号？（多选）', 'Which of these may be signs that a child is being bullied? (Choose all that apply)'),
    options: [
      o('考试前有点紧张', 'Feeling a little nervous before an exam'),
      o('身上有说不清来历的伤', 'Injuries the child cannot or will not explain'),
      o('文具、零花钱经常“丢”', 'Stationery or pocket money often goes missing'),
      o('突然不愿上学，害怕走某条路', 'Suddenly refuses to go to school or is afraid of a certain route'),
    ],
    correct: [1, 2, 3],
    explanation: o(
      '说不清的伤、东西和钱经常“丢”、突然害怕上学或某段路，都是常见的欺凌信号，需要温和地了解情况并告诉监护人和学校。考前有点紧张是正常的。',
      'Unexplained injuries, things or money repeatedly going missing, and a sudden fear of school or of a route are common signs of bullying; gently find out more and tell the guardian and the school. A little nervousness before an exam is normal.',
    ),
  },
  {
    kind: 'true_false',
    prompt: o(
      '孩子不哭不闹、特别听话，就说明父母外出对他没有影响。',
      "If a child does not cry or fuss and is very obedient, it means the parents' absence has not affected them.",
    ),
    options: tf(),
    correct: [FALSE],
    explanation: o(
      '有的孩子会把难过藏起来，表现得特别乖、特别安静。“不哭不闹”不等于没事，仍然需要大人的关心和陪伴。',
      "Some children hide their sadness and become especially good and quiet. Not crying or fussing does not mean they are fine; they still need adults' care and company.",
    ),
  },
  {
    kind: 'multiple',
    prompt: o(
      '支持孩子和外出的父母保持联系，下面哪些做法是好的？（多选）',
      'Which of these are good ways to help a child keep in touch with parents working away? (Choose all that apply)',
    ),
    options: [
      o('和家里约定固定的视频通话时间', 'Agree regular times for video calls with the family'),
      o('教老人和孩子使用手机视频功能', 'Teach the grandparents and the child how to make video calls'),
      o('提醒父母多问孩子的感受和生活，不要只问成绩', "Remind parents to ask about the child's feelings and daily life, not only grades"),
      o('视频时由大人把孩子犯的错一件件告诉父母', "During the call, let the adults list all the child's mistakes to the parents"),
    ],
    correct: [0, 1, 2],
    explanation: o(
      '固定的通话时间让孩子有盼头；会用手机才联系得上；谈感受比只问成绩更能拉近距离。如果每次视频都在“告状”，孩子会害怕和父母通话。',
      'Regular call times give the child something to look forward to; knowing how to use the phone makes contact possible; talking about feelings brings them closer than asking only about grades. If every call becomes a list of complaints, the child will come to dread talking to the parents.',
    ),
  },
  {
    kind: 'single',
    prompt: o('孩子对你说：“活着没意思，我想死。”你应该：', "A child says to you: 'Life is pointless, I want to die.' What should you do?"),
    options: [
      o('当成玩笑，转移话题', 'Treat it as a joke and change the subject'),
      o('答应孩子保密，不告诉任何人', 'Promise to keep it secret and tell no one'),
      o(
        '认真对待，陪着孩子，尽快告诉监护人和学校并寻求专业帮助；有紧急危险时立即拨打110或120',
        'Take it seriously, stay with the child, tell the guardian and the school as soon as possible and get professional help; if there is immediate danger call 110 or 120',
      ),
      o('批评孩子不许说这种话', 'Tell the child off for saying such things'),
    ],
    correct: [2],
    explanation: o(
      '孩子说想死或有自伤行为，一定要当真。陪伴孩子，不让他独处，尽快让监护人、学校和专业人员介入，也可以拨打心理援助热线12356；有生命危险时立即拨打110或120。这类事关安全的事不能保密。',
      'Always take talk of wanting to die, or self-harm, seriously. Stay with the child, do not leave them alone, and bring in the guardian, the school and professionals quickly; the psychological assistance hotline 12356 can also help. If life is in danger, call 110 or 120 at once. Matters of safety cannot be kept secret.',
    ),
  },
  {
    kind: 'true_false',
    prompt: o(
      '孩子告诉你的秘密如果涉及他自己或别人的安全，爱心妈妈不能保密，要告诉能帮助他的大人。',
      "If a secret a child tells you involves their own or someone else's safety, a caring mother must not keep it, and should tell an adult who can help.",
    ),
    options: tf(),
    correct: [TRUE],
    explanation: o(
      '普通的小秘密可以替孩子保守，但涉及安全的事必须告诉能帮忙的大人。可以温和地对孩子说明：“这件事我需要告诉能帮你的人。”',
      "Ordinary little secrets can be kept, but anything about safety must be passed on to an adult who can help. Explain gently to the child: 'I need to tell someone who can help you with this.'",
    ),
  },
  {
    kind: 'multiple',
    prompt: o(
      '和隔代抚养的爷爷奶奶、外公外婆合作，以下哪些做法合适？（多选）',
      'Working with grandparents who are raising the child, which of these are appropriate? (Choose all that apply)',
    ),
    options: [
      o('先肯定老人的辛苦', "Start by recognising the grandparents' hard work"),
      o('用商量的口气提建议', 'Make suggestions in a tone of talking it over together'),
      o('当着孩子的面指责老人不会带孩子', "Criticise the grandparents' childcare in front of the child"),
      o('把自己当作帮手，而不是来挑毛病的人', 'See yourself as a helper, not someone who has come to find fault'),
    ],
    correct: [0, 1, 3],
    explanation: o(
      '老人为孩子付出很多。尊重和商量能赢得信任，一起为孩子想办法；当着孩子指责老人，会伤害老人，也让孩子左右为难。',
      'Grandparents give a great deal to the child. Respect and discussion win their trust so you can work things out together; criticising them in front of the child hurts them and puts the child in an impossible position.',
    ),
  },
  {
    kind: 'single',
    prompt: o('下面哪种提问更容易让孩子打开话匣子？', 'Which question is most likely to get a child talking?'),
    options: [
      o('今天好不好？', 'Was today OK?'),
      o('作业写完没有？', 'Have you finished your homework?'),
      o('是不是又惹事了？', 'Have you been in trouble again?'),
      o('今天在学校有什么开心或不开心的事？', 'What happened at school today that made you happy or unhappy?'),
    ],
    correct: [3],
    explanation: o(
      '开放式提问邀请孩子讲具体的事情；“好不好”“写完没有”只需回答一个字，而带指责的问题会让孩子防备。',
      "Open questions invite the child to talk about real events. 'Was today OK?' or 'Finished your homework?' can be answered in one word, and an accusing question puts the child on guard.",
    ),
  },
  {
    kind: 'true_false',
    prompt: o(
      '爱心妈妈应当像心理医生一样，判断孩子是不是得了抑郁症。',
      'A caring mother should diagnose, like a psychiatrist, whether a child has depression.',
    ),
    options: tf(),
    correct: [FALSE],
    explanation: o(
      '爱心妈妈是陪伴者，不是医生。我们的任务是留意变化、陪伴孩子，需要时转介给学校心理老师、医院心理科或精神科等专业人员，由他们评估和诊断。',
      "A caring mother is a companion, not a doctor. Our job is to notice changes, stay with the child and, when needed, refer them to the school counsellor or a hospital's psychology or psychiatry department, who assess and diagnose.",
    ),
  },
];

const carePsy: CatalogCourse = {
  code: 'CARE-PSY',
  category: 'care',
  title: o('留守儿童心理与沟通', 'Child Psychology and Communicating with Left-behind Children'),
  description: o(
    '帮助爱心妈妈了解不同年龄孩子的心理特点，理解和外出打工的父母分开对孩子的影响，学会发现孩子的情绪困扰，用共情、不评判的方式倾听和交谈，和爷爷奶奶一起照顾好孩子，支持孩子和父母保持联系，并知道什么时候、向谁求助。',
    'Helps caring mothers understand how children think and feel at different ages and how separation from parents working away affects them; spot emotional distress; listen and talk with empathy and without judging; work alongside the grandparents raising the child; support contact with the parents; and know when and where to seek help.',
  ),
  requiredHours: 8,
  minAttendancePct: 80,
  validityMonths: 24,
  requiredForVolunteers: true,
  prerequisiteCodes: [],
  lessons: [
    {
      title: o('孩子在不同年龄的成长特点', 'How Children Develop at Different Ages'),
      hours: 1,
      body: {
        'zh-CN': md(
          '孩子的心理是一步一步长大的。先弄清孩子现在处在哪个阶段，才知道该怎么陪伴他。',
          '',
          '- **学龄前（大约3～6岁）**：离不开熟悉的大人，心里不安时常用哭闹、黏人、尿床来表达。他们说不清自己的感受，需要大人多抱一抱、多陪着玩。',
          '- **小学阶段（大约6～12岁）**：开始在乎成绩和同学的看法，很想得到大人的肯定。表扬时要说具体的努力，比如“你今天的字写得很工整”。',
          '- **青春期（大约12～18岁）**：想要独立，爱面子，心事更愿意和朋友说。大人要尊重他们的想法和隐私，少说教，多商量。',
          '',
          '每个孩子都不一样，年龄只是参考。和孩子相处时，先观察他喜欢什么、害怕什么，再决定怎么做。',
        ),
        en: md(
          'Children grow emotionally step by step. Once you know which stage a child is at, you know better how to be with them.',
          '',
          '- **Pre-school (about 3–6)**: They need familiar adults close by and often show insecurity by crying, clinging or wetting the bed. They cannot explain their feelings, so they need more hugs and more time playing together.',
          "- **Primary school (about 6–12)**: They start to care about grades and what classmates think, and very much want adults' approval. Praise specific effort, for example 'your handwriting is really neat today'.",
          '- **Adolescence (about 12–18)**: They want independence, care about saving face and would rather share worries with friends. Respect their views and privacy; lecture less and talk things over more.',
          '',
          'Every child is different and age is only a guide. Watch what a child enjoys and what frightens them first, then decide how to respond.',
        ),
      },
    },
    {
      title: o('依恋与分离：父母外出对孩子的影响', "Attachment and Separation: How Parents' Absence Affects Children"),
      hours: 1.5,
      body: {
        'zh-CN': md(
          '孩子小时候会和最常照顾他的人建立起深厚的感情，心理学上叫“依恋”。这份安全感让孩子敢去探索世界。父母外出打工后，孩子失去了每天都能见到的依靠，常常感到难过、害怕，甚至会想：“是不是我不好，爸妈才走的？”',
          '',
          '分离后的反应因人而异：有的孩子哭闹、发脾气，有的变得特别听话、沉默，把心事藏起来。“不哭不闹”不一定代表没事。春节团聚后父母再次离开时，孩子的情绪往往又会波动一阵。',
          '',
          '爱心妈妈能做的，是成为孩子身边一个**稳定、可以信任的大人**：说好的时间按时来，答应的事情做到；告诉孩子父母外出是为了家庭，不是他的错；允许孩子想爸妈、为分别难过。你不是要代替父母，而是让孩子多一份依靠。',
        ),
        en: md(
          "In early childhood, children form a deep bond with the people who look after them most; psychologists call this 'attachment'. That sense of security gives a child the courage to explore the world. When parents leave to work elsewhere, the child loses someone they saw every day, and often feels sad and afraid, or even wonders: 'Did Mum and Dad leave because I was bad?'",
          '',
          "Reactions to separation differ. Some children cry and have tantrums; others become unusually obedient and quiet and hide their feelings. Not crying or fussing does not necessarily mean all is well. When parents leave again after the Spring Festival reunion, children's moods often swing for a while.",
          '',
          "What a caring mother can do is be a **steady, trustworthy adult** in the child's life: come when you said you would and keep your promises; tell the child that the parents went away for the family's sake and it is not the child's fault; let the child miss their parents and be sad about the parting. You are not replacing the parents; you are giving the child one more person to lean on.",
        ),
      },
    },
    {
      title: o('识别情绪困扰、抑郁和欺凌的信号', 'Recognising Signs of Distress, Depression and Bullying'),
      hours: 1.5,
      body: {
        'zh-CN': md(
          '孩子遇到困难时，往往不会直接说出来，而是通过行为表现出来。如果下面的变化**持续两周以上**，或者突然变得很明显，就要多留意：',
          '',
          '- **情绪**：经常闷闷不乐、爱哭或爱发火，对以前喜欢的事没了兴趣；',
          '- **身体**：睡不好或睡太多，饭量明显变少或变多，常说头疼、肚子疼，却查不出原因；',
          '- **学习和交往**：成绩突然下降，不想上学，不和同学玩，总是一个人待着；',
          '- **欺凌信号**：身上有说不清来历的伤，东西或零花钱经常“丢”，害怕走某条路，不愿说学校里的事。',
          '',
          '特别要注意：如果孩子说“活着没意思”“想死”，或者有伤害自己的行为，一定要当真，不能当成玩笑，要陪着孩子，并马上按第6课的方法求助。',
        ),
        en: md(
          'Children in difficulty rarely say so directly; it shows in their behaviour. Pay closer attention if the following changes **last more than two weeks** or appear suddenly and clearly:',
          '',
          '- **Mood**: often down, tearful or quick to anger; no longer interested in things they used to enjoy;',
          '- **Body**: sleeping badly or too much, eating much less or much more, frequent headaches or stomach aches with no cause found;',
          '- **School and friends**: grades drop suddenly, does not want to go to school, stops playing with classmates, always alone;',
          "- **Signs of bullying**: injuries they cannot explain, belongings or pocket money keep going 'missing', afraid of a certain route, unwilling to talk about school.",
          '',
          "Take special care: if a child says 'life is pointless' or 'I want to die', or harms themselves, always take it seriously, never as a joke. Stay with the child and get help straight away as described in Lesson 6.",
        ),
      },
    },
    {
      title: o('倾听和谈话技巧：共情、不评判', 'Listening and Talking: Empathy Without Judgement'),
      hours: 1.5,
      body: {
        'zh-CN': md(
          '和孩子谈心，最重要的是让他感到“有人懂我”。',
          '',
          '- **先听后说**：放下手机，蹲下来或坐在孩子旁边，看着他，让他把话说完，不急着打断或讲道理。',
          '- **共情**：把你感觉到的心情说出来，比如“爸妈今年没回来过年，你一定很失望吧”。共情不是什么都同意，而是承认孩子的感受是真实的。',
          '- **不评判**：少说“这有什么好哭的”“你要懂事”“你看人家孩子”，这些话会让孩子关上心门。',
          '- **多用开放式提问**：问“今天在学校有什么开心或不开心的事？”比问“今天好不好？”更容易让孩子多说。',
          '- **守信用**：孩子的小秘密要替他保守；但如果涉及他或别人的安全，要温和地告诉他：“这件事我需要告诉能帮你的大人。”',
          '',
          '谈心不一定要面对面坐着。一起做饭、散步、画画的时候，孩子往往更愿意开口。',
        ),
        en: md(
          "When talking with a child, what matters most is that they feel 'someone understands me'.",
          '',
          '- **Listen first**: put your phone away, crouch down or sit beside the child, look at them and let them finish without rushing to interrupt or lecture.',
          "- **Empathy**: say out loud the feeling you sense, for example 'Mum and Dad didn't come home for New Year this time, you must be really disappointed.' Empathy is not agreeing with everything; it is accepting that the child's feelings are real.",
          "- **Don't judge**: avoid 'what's there to cry about', 'be sensible' or 'look at other people's children'; such words make children shut down.",
          "- **Ask open questions**: 'What happened at school today that made you happy or unhappy?' gets more talk than 'Was today OK?'",
          "- **Keep your word**: keep a child's small secrets; but if something concerns their safety or someone else's, tell them gently: 'I need to tell an adult who can help you with this.'",
          '',
          'Talks need not be face to face. Children often open up more while cooking, walking or drawing together.',
        ),
      },
    },
    {
      title: o('与祖辈合作，支持孩子和父母保持联系', 'Working with Grandparents and Supporting Contact with Parents'),
      hours: 1.5,
      body: {
        'zh-CN': md(
          '很多留守儿童由爷爷奶奶、外公外婆照顾，这叫“隔代抚养”。老人付出了很多，但也可能年纪大、身体不好、辅导不了功课，或者更关心孩子吃饱穿暖，顾不上孩子的心情。',
          '',
          '和老人相处时，先肯定他们的辛苦，把自己当成帮手，而不是来挑毛病的人。有建议时用商量的口气，比如“孩子最近好像不太开心，我们一起想想办法？”',
          '',
          '和父母的联系对孩子很重要，爱心妈妈可以帮着做这些事：',
          '',
          '- 和家里约定固定的视频通话时间，比如每周固定一两个晚上；',
          '- 教老人和孩子使用手机视频功能；',
          '- 提醒父母在通话中多问孩子的心情和生活，不要只问成绩、只批评；',
          '- 给孩子留一点单独和父母说话的时间。',
        ),
        en: md(
          "Many left-behind children are raised by their grandparents; this is called 'skip-generation parenting'. Grandparents give a great deal, but they may be elderly, in poor health, unable to help with homework, or focused on keeping the child fed and warm with little room left for the child's feelings.",
          '',
          "With grandparents, start by recognising how hard they work, and see yourself as a helper rather than someone who has come to find fault. Offer suggestions as a discussion, for example: 'The child seems a bit unhappy lately; shall we think about what to do together?'",
          '',
          'Contact with the parents matters a great deal to the child. A caring mother can help by:',
          '',
          '- agreeing regular video-call times with the family, such as one or two set evenings a week;',
          '- teaching the grandparents and the child how to make video calls on a phone;',
          "- reminding parents to ask about the child's feelings and daily life during calls, not only about grades, and not only to criticise;",
          '- leaving the child some time to talk to the parents on their own.',
        ),
      },
    },
    {
      title: o('什么时候要转介：找专业人员、学校和妇联', "When to Refer: Professionals, the School and the Women's Federation"),
      hours: 1,
      body: {
        'zh-CN': md(
          '爱心妈妈是孩子的陪伴者，不是心理医生。遇到下面的情况，不要一个人扛，要及时**转介**，也就是请更专业的人来帮助孩子：',
          '',
          '- 孩子的情绪问题持续很久，影响到吃饭、睡觉或上学；',
          '- 孩子说出想死、想伤害自己的话，或者有自伤行为；',
          '- 发现孩子可能被欺凌、被打骂、被忽视或受到性侵害；',
          '- 家里照顾不过来，比如老人生病、孩子无人看管。',
          '',
          '可以找的人：学校的班主任和心理老师；村（居）委会的儿童主任；当地妇联；医院的心理科或精神科。需要心理支持时，可以拨打心理援助热线12356；孩子有生命危险时，立即拨打110或120。',
          '',
          '转介时，一般要让监护人知道并参与；如果怀疑伤害来自家里人，直接向公安机关或妇联报告。把你看到的情况如实告诉对方，不添油加醋。转介之后继续陪伴孩子，让孩子知道你没有离开。',
        ),
        en: md(
          'A caring mother is a companion for the child, not a psychologist. In the situations below, do not carry it alone; **refer** promptly, that is, bring in people with professional skills to help the child:',
          '',
          "- the child's emotional problems go on for a long time and affect eating, sleeping or school;",
          '- the child talks about wanting to die or to hurt themselves, or self-harms;',
          '- you find the child may be bullied, beaten, neglected or sexually abused;',
          '- the family can no longer cope, for example a grandparent falls ill and nobody is looking after the child.',
          '',
          "People you can turn to: the class teacher and the school counsellor; the children's director (儿童主任) at the village or residents' committee; the local Women's Federation; the psychology or psychiatry department of a hospital. For emotional support, call the psychological assistance hotline 12356. If a child's life is in danger, call 110 or 120 immediately.",
          '',
          "When referring, the guardian should normally be told and involved; if you suspect the harm comes from within the family, report directly to the police or the Women's Federation. Describe what you saw truthfully, without exaggerating. Keep visiting the child after the referral so they know you have not gone away.",
        ),
      },
    },
  ],
  assessments: [
    {
      kind: 'quiz',
      title: o('测验：留守儿童心理与沟通', 'Quiz: Child Psychology and Communicating with Left-behind Children'),
      passMark: 80,
      maxAttempts: 3,
      questions: carePsyQuestions,
    },
  ],
};

// ---------------------------------------------------------------------------
// CARE-SAFE
// ---------------------------------------------------------------------------

const careSafeQuestions: CatalogQuestion[] = [
  {
    kind: 'true_false',
    prompt: o(
      '只要孩子愿意，爱心妈妈可以和孩子单独待在关着门的房间里辅导作业。',
      'As long as the child is willing, a caring mother may help with homework alone with the child in a room with the door closed.',
    ),
    options: tf(),
    correct: [FALSE],
    explanation: o(
      '不和孩子单独关门相处，是保护孩子、也保护志愿者的基本规则。辅导作业时开着门，或在其他大人看得到的地方进行。',
      'Never being alone with a child behind a closed door is a basic rule that protects both the child and the volunteer. Keep the door open, or work where other adults can see you.',
    ),
  },
  {
    kind: 'single',
    prompt: o('去孩子家里探访，正确的做法是：', "What is the right way to make a home visit to a child's family?"),
    options: [
      o('两名志愿者一起去，或者确保监护人在场', 'Go with a second volunteer, or make sure the guardian is present'),
      o('一个人去，方便和孩子说心里话', 'Go alone so the child feels free to talk'),
      o('趁监护人不在家时去，了解真实情况', 'Go when the guardian is out, to see how things really are'),
      o('晚上去，孩子放学了有空', 'Go in the evening when the child is free after school'),
    ],
    correct: [0],
    explanation: o(
      '入户探访要两人同行，或者有监护人在场，这样既让孩子和家人放心，也能避免误会。',
      'Home visits are made in pairs or with the guardian present. This reassures the child and the family and avoids misunderstandings.',
    ),
  },
  {
    kind: 'multiple',
    prompt: o('以下哪些做法违反了关爱服务的边界规则？（多选）', 'Which of these break the boundary rules of caring services? (Choose all that apply)'),
    options: [
      o('过年时给孩子发微信红包', 'Sending the child a WeChat red-packet of money at New Year'),
      o('没经过监护人同意，和孩子私下加微信好友', "Adding the child as a WeChat friend privately without the guardian's consent"),
      o('经项目统一安排并登记后，给孩子发学习用品', 'Giving school supplies arranged and recorded by the project'),
      o('带孩子单独到自己家过夜', "Taking the child alone to stay overnight at the volunteer's home"),
    ],
    correct: [0, 1, 3],
    explanation: o(
      '不给孩子钱（包括红包和转账）、不私下加孩子的社交账号、不和孩子单独相处，都是边界规则。物质帮助要通过项目统一安排并登记。',
      'No money for the child (including red packets and transfers), no private social-media contact with the child, and no time alone together are all boundary rules. Material help goes through the project and is recorded.',
    ),
  },
  {
    kind: 'true_false',
    prompt: o(
      '即使监护人同意在宣传材料中使用孩子的照片，也应尽量不露正脸，不写真实姓名和具体住址。',
      "Even when the guardian agrees to a child's photo being used in publicity, the face should preferably not be shown, and the real name and address should not be given.",
    ),
    options: tf(),
    correct: [TRUE],
    explanation: o(
      '《未成年人保护法》要求保护未成年人的隐私和个人信息。留守儿童的身份和家庭情况比较敏感，即使得到同意，也要尽量少透露能认出孩子的信息。',
      "The Law on the Protection of Minors requires minors' privacy and personal information to be protected. A left-behind child's identity and family situation are sensitive, so even with consent, reveal as little as possible that could identify the child.",
    ),
  },
  {
    kind: 'multiple',
    prompt: o('组织孩子外出活动时，哪些做法是正确的？（多选）', 'When taking children on an outing, which of these are correct? (Choose all that apply)'),
    options: [
      o('事先告诉监护人活动的时间、地点和内容', 'Tell the guardians the time, place and plan of the activity in advance'),
      o('活动前问清孩子有没有食物过敏', 'Ask beforehand whether any child has food allergies'),
      o('天热时带孩子去水库游泳解暑', 'Take the children swimming in a reservoir to cool off on a hot day'),
      o('活动中经常清点人数，让孩子始终在大人视线内', 'Count heads often and keep every child in sight of an adult'),
    ],
    correct: [0, 1, 3],
    explanation: o(
      '水库、河流、水塘没有安全设施，是溺水的高危地方，绝不能带孩子去游泳。其他三项都是活动安全的基本要求。',
      'Reservoirs, rivers and ponds have no safety facilities and are high-risk places for drowning; never take children swimming there. The other three are basic requirements for a safe activity.',
    ),
  },
  {
    kind: 'single',
    prompt: o(
      '你发现孩子身上反复出现说不清原因的伤，怀疑他受到虐待。你应该：',
      'You notice a child keeps having injuries with no clear explanation, and you suspect abuse. What should you do?',
    ),
    options: [
      o('先自己调查清楚，有了证据再报告', 'Investigate yourself first and report only once you have proof'),
      o('找孩子家长当面质问', 'Confront the parents face to face'),
      o(
        '立即报告：情况紧急时拨打110，同时报告民政部门、妇联和项目负责人',
        "Report at once: call 110 if it is urgent, and also report to the civil affairs department, the Women's Federation and the project lead",
      ),
      o('这是别人的家事，不要管', "It is a family matter; don't get involved"),
    ],
    correct: [2],
    explanation: o(
      '按照《未成年人保护法》的强制报告制度，发现未成年人受到侵害或疑似受到侵害，都应当立即报告，不需要先自己查清。自己质问可能的施害人，可能让孩子受到更大的伤害。',
      'Under the mandatory reporting system of the Law on the Protection of Minors, actual or suspected harm to a minor must be reported immediately; you do not need to investigate first. Confronting a possible abuser yourself can put the child at greater risk.',
    ),
  },
  {
    kind: 'multiple',
    prompt: o('下面哪些可能是孩子被忽视的迹象？（多选）', 'Which of these may be signs that a child is being neglected? (Choose all that apply)'),
    options: [
      o('长期吃不饱、穿不暖', 'Often hungry or not dressed warmly enough'),
      o('生病了没人带去看病', 'Not taken to a doctor when ill'),
      o('长时间没有大人照看', 'Left without adult supervision for long periods'),
      o('偶尔忘带作业本', 'Occasionally forgetting a homework book'),
    ],
    correct: [0, 1, 2],
    explanation: o(
      '忽视是指监护人长期不满足孩子吃、穿、看病、照看、上学等基本需要。偶尔忘带作业本是常见的小事，不是忽视。',
      "Neglect means a guardian persistently failing to meet a child's basic needs such as food, clothing, medical care, supervision and schooling. Occasionally forgetting a homework book is an everyday slip, not neglect.",
    ),
  },
  {
    kind: 'true_false',
    prompt: o(
      '按照强制报告制度，只有确认孩子受到侵害时才需要报告，仅仅是怀疑时不用报告。',
      'Under the mandatory reporting system, you only need to report when you are certain a child has been harmed, not when you merely suspect it.',
    ),
    options: tf(),
    correct: [FALSE],
    explanation: o(
      '《未成年人保护法》规定，发现未成年人身心健康受到侵害、疑似受到侵害或者面临其他危险情形的，应当立即向公安、民政、教育等有关部门报告。“疑似”就要报告。',
      "The Law on the Protection of Minors requires that when a minor's physical or mental health has been harmed, is suspected of having been harmed, or faces other danger, it be reported immediately to the police, civil affairs, education or other relevant authorities. Suspicion is enough to report.",
    ),
  },
  {
    kind: 'single',
    prompt: o('以下哪一条探访记录写得最客观？', 'Which visit note is the most objective?'),
    options: [
      o('孩子肯定被继父打了', 'The child has definitely been beaten by his stepfather'),
      o('这家人很差劲', 'This family is awful'),
      o('孩子今天看起来怪怪的', 'The child looked a bit odd today'),
      o('孩子左手臂有一块约硬币大小的青紫，孩子说是摔的', "There is a coin-sized bruise on the child's left arm; the child says he fell"),
    ],
    correct: [3],
    explanation: o(
      '客观的记录写看到的、听到的事实，包括位置、大小和孩子的原话，不写猜测和评价。这样的记录才能帮助后续判断和处理。',
      "An objective note records facts seen and heard, including location, size and the child's own words, without guesses or opinions. Only notes like this help with later decisions and action.",
    ),
  },
  {
    kind: 'multiple',
    prompt: o(
      '没有监护人同意，以下哪些孩子的信息不能发到网上？（多选）',
      "Without the guardian's consent, which of the following about a child must not be posted online? (Choose all that apply)",
    ),
    options: [o('照片', 'Photos'), o('姓名', 'Name'), o('学校和住址', 'School and home address'), o('家庭情况', 'Family circumstances')],
    correct: [0, 1, 2, 3],
    explanation: o(
      '孩子的照片、姓名、学校、住址、家庭情况都属于个人信息和隐私，受《未成年人保护法》保护，没有监护人同意都不能公开。',
      "A child's photos, name, school, address and family circumstances are all personal information and private matters protected by the Law on the Protection of Minors; none may be made public without the guardian's consent.",
    ),
  },
];

const careSafe: CatalogCourse = {
  code: 'CARE-SAFE',
  category: 'care',
  title: o('关爱服务注意事项', 'Safety Rules for Caring Services'),
  description: o(
    '爱心妈妈在关爱服务中必须遵守的安全规则：和孩子相处的边界、保护孩子的隐私、活动安全、发现虐待和忽视时的强制报告，以及怎样记录每一次探访。这些规则保护孩子，也保护志愿者自己。',
    "The safety rules every caring mother must follow: boundaries with children, protecting children's privacy, safety during activities, mandatory reporting of abuse and neglect, and how to record each visit. These rules protect the children and the volunteers themselves.",
  ),
  requiredHours: 4,
  minAttendancePct: 100,
  validityMonths: 12,
  requiredForVolunteers: true,
  prerequisiteCodes: [],
  lessons: [
    {
      title: o('和孩子相处的边界', 'Boundaries with Children'),
      hours: 1,
      body: {
        'zh-CN': md(
          '清楚的边界能保护孩子，也能保护爱心妈妈自己，避免误会。请记住下面这些规则：',
          '',
          '- **不单独关门相处**：和孩子在一起时，门要开着，或者在其他大人看得到的地方活动。',
          '- **入户探访两人同行**：去孩子家里时，两名志愿者一起去，或者确保孩子的监护人在场。',
          '- **不给钱**：不直接给孩子现金、红包或转账。孩子需要物质帮助的，通过妇联或项目统一安排，并做好登记。',
          '- **不私下加孩子的社交账号**：没有监护人同意，不和孩子私下加微信、QQ等好友或私聊；确实需要联系的，先征得监护人同意，尽量通过监护人联系。',
          '- **身体接触要适度**：拥抱、牵手要看孩子愿不愿意，孩子说“不”就要尊重。',
          '',
          '如果孩子提出让你为难的要求，比如“借我点钱”“让我去你家住”，要温和地拒绝，并告诉项目负责人。',
        ),
        en: md(
          'Clear boundaries protect the child and protect the caring mother too, and prevent misunderstandings. Remember these rules:',
          '',
          '- **Never alone behind a closed door**: when you are with a child, keep the door open or stay where other adults can see you.',
          "- **Home visits in pairs**: visit a child's home with a second volunteer, or make sure the child's guardian is present.",
          "- **No money**: do not give the child cash, red packets or transfers. If the child needs material help, it is arranged through the Women's Federation or the project and recorded.",
          "- **No private social-media contact**: without the guardian's consent, do not add the child on WeChat, QQ or similar, or chat privately; if contact is really needed, get the guardian's consent first and go through the guardian where possible.",
          "- **Appropriate physical contact**: hugs and holding hands depend on whether the child wants them; when a child says 'no', respect it.",
          '',
          "If a child asks for something that puts you in a difficult position, such as 'lend me some money' or 'let me come and live at your house', refuse kindly and tell the project lead.",
        ),
      },
    },
    {
      title: o('保护孩子的隐私', "Protecting Children's Privacy"),
      hours: 0.5,
      body: {
        'zh-CN': md(
          '《未成年人保护法》要求保护未成年人的隐私和个人信息。留守儿童的家庭情况比较敏感，随便公开可能让孩子被同学嘲笑，甚至被坏人盯上。',
          '',
          '- 没有监护人同意，不给孩子拍照，不把孩子的照片、姓名、学校、住址、家庭情况发到朋友圈、微信群、短视频平台等网上。',
          '- 即使得到同意，宣传时也尽量不露孩子的正脸，不写真实姓名和具体住址。',
          '- 不在公开场合谈论孩子的家事、成绩和心理问题。',
          '- 孩子的登记资料和探访记录只用于关爱工作，妥善保管，不外传。',
          '',
          '要记住：一张照片发出去就很难收回来。拿不准的时候，就不要发。',
        ),
        en: md(
          "The Law on the Protection of Minors requires minors' privacy and personal information to be protected. Left-behind children's family situations are sensitive; making them public carelessly can get a child mocked by classmates or even targeted by people with bad intentions.",
          '',
          "- Without the guardian's consent, do not photograph the child, and do not post the child's photos, name, school, address or family situation on WeChat Moments, group chats, short-video platforms or anywhere online.",
          "- Even with consent, avoid showing the child's face in publicity, and do not give the real name or exact address.",
          "- Do not discuss a child's family matters, grades or emotional problems in public.",
          "- The child's registration details and visit records are used only for the caring work, kept safely and not shared.",
          '',
          'Remember: once a photo is posted it is very hard to take back. If in doubt, do not post it.',
        ),
      },
    },
    {
      title: o('活动安全：防溺水、交通和饮食', 'Safety in Activities: Water, Traffic and Food'),
      hours: 1,
      body: {
        'zh-CN': md(
          '组织孩子外出或一起活动前，先想好安全问题，并事先告诉监护人活动的时间、地点和内容。',
          '',
          '- **防溺水**：不带孩子到河边、水塘、水库等没有安全设施的水边玩；经常提醒孩子不私自下水游泳；看到同伴落水，不要手拉手下水去救，要大声呼救、找大人、拨打110。',
          '- **交通安全**：走人行道，过马路走斑马线；不坐无牌无证、超载的车辆；按照交通法规，不满12周岁的孩子不能骑自行车上路。',
          '- **饮食安全**：不给孩子吃来源不明、过期或变质的食物；活动前问清孩子有没有食物过敏；不带孩子吃路边无证小摊。',
          '',
          '活动中经常清点人数，让每个孩子都在大人的视线内。出了意外，先保证孩子的安全，需要时拨打120或110，再通知监护人和项目负责人。',
        ),
        en: md(
          'Before taking children out or running an activity, think through the safety issues and tell the guardians the time, place and plan in advance.',
          '',
          '- **Drowning prevention**: do not take children to play by rivers, ponds, reservoirs or other water without safety facilities; remind them often never to go swimming on their own; if a friend falls in, do not form a human chain to go in after them, but shout for help, fetch an adult and call 110.',
          '- **Traffic safety**: walk on the pavement and cross at zebra crossings; never ride in unlicensed or overloaded vehicles; under the traffic regulations, children under 12 may not ride a bicycle on the road.',
          '- **Food safety**: do not give children food of unknown origin, past its date or spoiled; ask about food allergies before the activity; do not take children to eat at unlicensed roadside stalls.',
          '',
          'Count heads often and keep every child within sight of an adult. If something goes wrong, first make the children safe, call 120 or 110 if needed, then inform the guardians and the project lead.',
        ),
      },
    },
    {
      title: o('识别虐待和忽视，履行强制报告', 'Recognising Abuse and Neglect; the Duty to Report'),
      hours: 1,
      body: {
        'zh-CN': md(
          '爱心妈妈经常接触孩子，可能比别人更早发现孩子受到伤害。要留意这些迹象：',
          '',
          '- **身体虐待**：反复出现、说不清原因的伤，特别是在背部、大腿内侧等不容易碰伤的地方；',
          '- **性侵害**：孩子有和年龄不相符的性知识或行为，害怕某个人，下身疼痛或有伤；',
          '- **忽视**：长期吃不饱、穿不暖，生病没人管，长时间没有大人照看，不让上学。',
          '',
          '《未成年人保护法》规定了**强制报告**制度：密切接触未成年人的单位和工作人员，在工作中发现未成年人身心健康受到侵害、疑似受到侵害或者面临其他危险情形的，应当立即向公安、民政、教育等有关部门报告。爱心妈妈参加的是妇联组织的关爱服务，也要照这个要求做：有怀疑就报告，不需要先自己查清楚。',
          '',
          '怎么报告：情况紧急时拨打110；同时向当地民政部门、妇联和项目负责人报告。不要自己去质问可能的施害人，也不要反复追问孩子细节，以免孩子再次受到伤害。',
        ),
        en: md(
          'Caring mothers see children often and may notice harm earlier than others. Watch for these signs:',
          '',
          '- **Physical abuse**: repeated injuries with no clear explanation, especially on the back, inner thighs and other places that are not easily knocked;',
          "- **Sexual abuse**: sexual knowledge or behaviour beyond the child's age, fear of a particular person, pain or injury in the genital area;",
          '- **Neglect**: often hungry or not warmly dressed, illness left untreated, left without adult care for long periods, kept out of school.',
          '',
          "The Law on the Protection of Minors sets up a **mandatory reporting** system: organisations and staff in close contact with minors who, in the course of their work, find that a minor's physical or mental health has been harmed, is suspected of having been harmed, or faces other danger, must report immediately to the police, civil affairs, education or other relevant authorities. Caring mothers serve in a programme organised by the Women's Federation and follow the same rule: if you suspect something, report it; you do not need to investigate first.",
          '',
          "How to report: call 110 if it is urgent, and also report to the local civil affairs department, the Women's Federation and the project lead. Do not confront a possible abuser yourself, and do not question the child over and over about details, which can hurt the child again.",
        ),
      },
    },
    {
      title: o('记录每一次探访', 'Recording Every Visit'),
      hours: 0.5,
      body: {
        'zh-CN': md(
          '每次探访或活动后，当天填写记录，交给项目负责人。记录是了解孩子变化的依据，也能证明志愿者是按规定开展服务的。',
          '',
          '记录应包括：日期、时间、地点，同行的志愿者或在场的监护人；做了什么；孩子的情绪和身体状况；孩子或家人提出的困难；需要跟进的事情。',
          '',
          '写记录要**客观**：写看到的、听到的事实，比如“孩子左手臂有一块约硬币大小的青紫，孩子说是摔的”，而不是“孩子肯定被打了”。孩子的原话可以照着写下来。记录保存在项目指定的地方，不拍照发到群里，不给无关的人看。',
        ),
        en: md(
          'After every visit or activity, fill in a record the same day and hand it to the project lead. Records are how changes in a child are tracked, and they show that the volunteer served according to the rules.',
          '',
          "A record should include: date, time and place; the other volunteer or the guardian present; what you did; the child's mood and physical condition; any difficulties raised by the child or family; and anything that needs follow-up.",
          '',
          "Write **objectively**: record facts you saw and heard, such as 'a coin-sized bruise on the child's left arm; the child says he fell', not 'the child has definitely been beaten'. Write down the child's own words as said. Keep records where the project says, do not photograph them into group chats, and do not show them to anyone not involved.",
        ),
      },
    },
  ],
  assessments: [
    {
      kind: 'quiz',
      title: o('测验：关爱服务注意事项', 'Quiz: Safety Rules for Caring Services'),
      passMark: 80,
      maxAttempts: 3,
      questions: careSafeQuestions,
    },
  ],
};

export const careCourses: CatalogCourse[] = [carePsy, careSafe];

// ---------------------------------------------------------------------------
// VOC-HOUSE
// ---------------------------------------------------------------------------

const vocHouse: CatalogCourse = {
  code: 'VOC-HOUSE',
  category: 'vocational',
  title: o('家政服务员', 'Housekeeping Service Worker'),
  description: o(
    '学习家政服务的基本本领：职业规范和沟通、居家清洁与消毒、衣物洗涤与收纳、家常饭菜与食品安全，以及签合同、维护自身权益和保护人身安全的方法。结业后可获得培训证书，俱乐部会推荐给合作的家政企业或雇主。',
    'Learn the core skills of domestic service: professional conduct and communication, household cleaning and disinfection, laundry and storage, home cooking and food safety, and how to sign a contract, protect your rights and keep yourself safe. Graduates receive a training certificate and are referred by the club to partner housekeeping companies or employers.',
  ),
  requiredHours: 40,
  minAttendancePct: 80,
  validityMonths: null,
  requiredForVolunteers: false,
  prerequisiteCodes: [],
  lessons: [
    {
      title: o('职业规范与沟通', 'Professional Conduct and Communication'),
      hours: 6,
      body: {
        'zh-CN': md(
          '家政服务是走进别人家里的工作，诚信和尊重是第一位的。',
          '',
          '- **守时守信**：按约定时间上门，有事提前请假；',
          '- **尊重隐私**：不翻看雇主的抽屉、手机和文件，不对外人说雇主的家事；',
          '- **不拿不要**：雇主家的东西不随便动，贵重物品不经手，不小心损坏了要主动说明；',
          '- **仪表整洁**：头发扎好，指甲剪短，衣服干净，进门换鞋或穿鞋套。',
          '',
          '上岗第一天，先和雇主商量清楚：要做哪些事、先做什么后做什么、哪些东西不能碰、清洁用品放在哪里。不清楚的事就问，不要只按自己的习惯来。有了不同意见，心平气和地说，不争吵；自己解决不了的，可以请家政公司或介绍人帮忙协调。',
        ),
        en: md(
          "Housekeeping means working inside other people's homes, so honesty and respect come first.",
          '',
          '- **Be punctual and reliable**: arrive at the agreed time and ask for leave in advance if you cannot come;',
          "- **Respect privacy**: do not look through the employer's drawers, phone or papers, and do not talk about their family affairs to others;",
          "- **Don't take anything**: do not move the family's belongings without reason, do not handle valuables, and own up if you accidentally damage something;",
          '- **Look neat**: tie your hair back, keep nails short, wear clean clothes, and change shoes or wear shoe covers indoors.',
          '',
          'On your first day, agree with the employer what tasks to do, in what order, what must not be touched and where the cleaning supplies are kept. Ask when unsure instead of just doing it your own way. If you disagree, say so calmly without arguing; if you cannot sort it out yourself, ask the housekeeping company or whoever introduced you to help mediate.',
        ),
      },
    },
    {
      title: o('居家清洁与消毒', 'Household Cleaning and Disinfection'),
      hours: 10,
      body: {
        'zh-CN': md(
          '清洁要讲顺序：**从上到下、从里到外、从干到湿**。先擦高处的灯具、柜顶，再擦桌面，最后清洁地面；先扫后拖，免得把灰尘弄得到处都是。抹布要分区使用，擦厨房、卫生间、餐桌的分开，最好用不同颜色来区分。',
          '',
          '清洁剂要安全使用：',
          '',
          '- 用前看说明，戴好手套，开窗通风；',
          '- **84消毒液等含氯消毒剂不能和洁厕灵等酸性清洁剂混用**，混在一起会产生有毒的氯气；',
          '- 消毒液按说明兑水，不是越浓越好；',
          '- 清洁剂放在孩子拿不到的地方，不要装进饮料瓶里。',
          '',
          '擦窗、擦灯要用稳固的梯子，不站在窗台上；住高楼的，不要把身子探出窗外擦外面的玻璃。擦电器前先断电，不用湿手碰插座和开关。',
        ),
        en: md(
          'Cleaning follows an order: **top to bottom, inside to outside, dry before wet**. Wipe high light fittings and cabinet tops first, then tables, and floors last; sweep before mopping so dust is not spread around. Keep separate cloths for the kitchen, the bathroom and the dining table, ideally in different colours.',
          '',
          'Use cleaning products safely:',
          '',
          '- read the label first, wear gloves and open the windows;',
          '- **never mix chlorine disinfectants such as 84 disinfectant with acidic toilet cleaners**; together they give off toxic chlorine gas;',
          '- dilute disinfectant as the label says; stronger is not better;',
          "- keep cleaning products out of children's reach and never pour them into drink bottles.",
          '',
          'Use a steady ladder to clean windows and lights, and never stand on the window sill; in high-rise flats, do not lean out of the window to clean the outside of the glass. Switch off and unplug appliances before wiping them, and never touch sockets or switches with wet hands.',
        ),
      },
    },
    {
      title: o('衣物洗涤、熨烫与收纳', 'Laundry, Ironing and Storage'),
      hours: 8,
      body: {
        'zh-CN': md(
          '洗衣服前先看衣服上的**洗涤标识**：水盆图案表示可以水洗，盆里的数字是最高水温，盆里画着一只手表示只能手洗；三角形和漂白有关，画了叉就是不能漂白；熨斗图案里的点越多，可以用的温度越高；圆圈一般表示干洗等专业清洗。',
          '',
          '- 深色和浅色衣服分开洗，新买的深色衣服容易掉色，先单独洗；',
          '- 内衣和袜子分开洗，婴儿衣物单独洗，用温和的洗涤剂；',
          '- 羊毛、真丝用专用洗涤剂，轻轻手洗，不用力拧，平铺晾干；',
          '- 洗之前掏空口袋，拉好拉链。',
          '',
          '熨烫时按标识调温度，拿不准的先在不显眼的地方试一下。收纳时按季节和种类分好，常穿的放在顺手的位置；换季的衣服洗干净、晾透了再收起来，注意防潮防虫。',
        ),
        en: md(
          'Check the **care label** before washing: a tub means it can be washed in water, and the number in the tub is the maximum temperature; a hand in the tub means hand-wash only; the triangle is about bleaching, and a cross through it means no bleach; the more dots in the iron symbol, the hotter it may be ironed; a circle usually means dry cleaning or other professional cleaning.',
          '',
          '- Wash dark and light clothes separately; new dark clothes tend to run, so wash them alone the first time;',
          "- wash underwear apart from socks, and babies' clothes on their own with a mild detergent;",
          '- wash wool and silk gently by hand with a special detergent, do not wring hard, and dry flat;',
          '- empty pockets and close zips before washing.',
          '',
          'Set the iron to the temperature on the label; if unsure, test on a hidden spot first. Store clothes by season and type, with everyday items within easy reach; clean and fully dry out-of-season clothes before putting them away, and protect them from damp and insects.',
        ),
      },
    },
    {
      title: o('家常饭菜与食品安全', 'Home Cooking and Food Safety'),
      hours: 10,
      body: {
        'zh-CN': md(
          '做饭前先问清家里人的口味和忌口：有没有人对某些食物过敏，老人是不是要少盐少油，有糖尿病的要控制糖，小孩子的饭菜要做得软烂。',
          '',
          '食品安全要记牢：',
          '',
          '- **生熟分开**：切生肉和切熟食的刀、砧板分开用，生的和熟的分开放；',
          '- **烧熟煮透**：肉、蛋、海鲜要做熟；豆角一定要炒熟煮透，没熟的豆角容易引起中毒；',
          '- 剩饭剩菜及时放进冰箱，吃之前彻底加热；冰箱不是保险箱，放久了也会坏；',
          '- 不用来历不明的野生蘑菇；发芽的土豆要把芽和发青的部分挖干净，发芽多的就不要吃了；',
          '- 做饭前、处理生肉后都要洗手。',
          '',
          '厨房安全：用完燃气随手关阀门。闻到燃气味时，不开关电器、不在屋里打电话，先开窗通风、关闭阀门，到室外再报修。油锅起火，马上盖上锅盖、关火，千万不能用水浇。',
        ),
        en: md(
          "Before cooking, ask about the family's tastes and what they should not eat: whether anyone has food allergies, whether older people need less salt and oil, whether someone with diabetes needs to limit sugar, and that small children need soft, well-cooked food.",
          '',
          'Remember these food-safety rules:',
          '',
          '- **Keep raw and cooked apart**: use separate knives and chopping boards for raw meat and cooked food, and store raw and cooked food separately;',
          '- **Cook thoroughly**: meat, eggs and seafood must be fully cooked; green beans must be cooked right through, as undercooked beans can cause poisoning;',
          '- put leftovers in the fridge promptly and reheat them thoroughly before eating; the fridge is not a safe, and food still goes off if kept too long;',
          '- never use wild mushrooms of unknown origin; cut the sprouts and any green parts out of sprouting potatoes, and throw away potatoes that have sprouted a lot;',
          '- wash your hands before cooking and after handling raw meat.',
          '',
          'Kitchen safety: turn off the gas valve after use. If you smell gas, do not switch any electrical appliances on or off and do not make a phone call indoors; open the windows, shut the valve, and report it from outside. If a pan of oil catches fire, cover it with the lid at once and turn off the heat; never throw water on it.',
        ),
      },
    },
    {
      title: o('签合同、维护权益与人身安全', 'Contracts, Your Rights and Personal Safety'),
      hours: 6,
      body: {
        'zh-CN': md(
          '正式上岗前要签书面合同或协议，写清楚：工作内容、工作时间和休息、工资多少和哪天发、是否住家、试用期、怎样解除。通过家政公司上岗的，要看清自己和公司签的是劳动合同还是服务协议，问清有没有缴纳社会保险或购买意外保险。',
          '',
          '保护好自己：',
          '',
          '- 上岗前做健康体检；也有权事先了解雇主家里需要特别注意的情况，比如有没有传染病人、宠物；',
          '- 工资按时领取，保留好工资记录和聊天记录；',
          '- 身份证、银行卡自己保管，不交给别人；',
          '- 遇到打骂、性骚扰、克扣工资，要保留证据，及时离开危险的地方，向家政公司、当地妇联求助，紧急时拨打110。',
          '',
          '找工作时，可以通过商务部的“家政信用查”平台查询家政企业的信用信息；不要向来路不明的中介交高额押金或培训费。',
        ),
        en: md(
          'Before you start, sign a written contract or agreement that states the duties, working hours and rest days, the wage and pay day, whether you live in, any probation period and how either side can end it. If you work through a housekeeping company, check whether what you are signing with the company is an employment contract or a service agreement, and ask whether social insurance is paid or accident insurance bought for you.',
          '',
          'Protect yourself:',
          '',
          '- have a health check before starting; you also have the right to know in advance about anything in the household that needs special care, such as someone with an infectious disease, or pets;',
          '- collect your wages on time and keep pay records and chat messages;',
          '- keep your own ID card and bank card; never hand them over to anyone;',
          "- if you are hit, verbally abused, sexually harassed or have wages withheld, keep evidence, leave the dangerous place promptly, and seek help from the housekeeping company or the local Women's Federation; in an emergency call 110.",
          '',
          "When looking for work, you can check a housekeeping company's credit record on the Ministry of Commerce's 'Jiazheng Xinyong Cha' (家政信用查) platform. Never pay large deposits or training fees to an agency you know nothing about.",
        ),
      },
    },
  ],
  assessments: [
    {
      kind: 'quiz',
      title: o('测验：家政服务员', 'Quiz: Housekeeping Service Worker'),
      passMark: 60,
      maxAttempts: 3,
      questions: [
        {
          kind: 'single',
          prompt: o('打扫房间的正确顺序是：', 'What is the correct order for cleaning a room?'),
          options: [
            o('先拖地，再擦桌子和柜顶', 'Mop the floor first, then wipe tables and cabinet tops'),
            o('从下到上，先湿后干', 'Bottom to top, wet before dry'),
            o('从上到下、从里到外、从干到湿', 'Top to bottom, inside to outside, dry before wet'),
            o('没有顺序，哪里脏擦哪里', 'There is no order; clean wherever looks dirty'),
          ],
          correct: [2],
          explanation: o(
            '从上到下清洁，落下的灰尘最后随地面一起清理；从里到外、从干到湿，可以避免反复弄脏已经打扫好的地方。',
            'Cleaning from top to bottom means falling dust is removed with the floor at the end; working inside to outside and dry before wet avoids dirtying areas already cleaned.',
          ),
        },
        {
          kind: 'true_false',
          prompt: o('84消毒液和洁厕灵一起用，清洁效果更好。', 'Using 84 disinfectant together with toilet cleaner gives a better result.'),
          options: tf(),
          correct: [FALSE],
          explanation: o(
            '84消毒液含氯，洁厕灵一般是酸性的，两者混合会产生有毒的氯气，可能造成中毒。一定要分开使用，用完一种冲洗干净再用另一种。',
            '84 disinfectant contains chlorine and toilet cleaners are usually acidic; mixed together they release toxic chlorine gas that can poison you. Always use them separately, rinsing thoroughly between the two.',
          ),
        },
        {
          kind: 'multiple',
          prompt: o('以下哪些做法符合食品安全要求？（多选）', 'Which of these meet food-safety requirements? (Choose all that apply)'),
          options: [
            o('切生肉和熟食的砧板分开用', 'Use separate chopping boards for raw meat and cooked food'),
            o('豆角炒熟煮透', 'Cook green beans right through'),
            o('剩菜放冰箱，吃前彻底加热', 'Refrigerate leftovers and reheat them thoroughly before eating'),
            o('用路边采来的野生蘑菇做汤', 'Make soup from wild mushrooms picked by the roadside'),
          ],
          correct: [0, 1, 2],
          explanation: o(
            '生熟分开、烧熟煮透、剩菜冷藏后彻底加热，都是防止食物中毒的基本做法。野生蘑菇很难辨别有没有毒，不能食用来历不明的野生蘑菇。',
            'Separating raw and cooked food, cooking thoroughly, and refrigerating then fully reheating leftovers are basic ways to prevent food poisoning. Poisonous wild mushrooms are hard to tell apart, so never eat wild mushrooms of unknown origin.',
          ),
        },
        {
          kind: 'single',
          prompt: o('洗涤标识中，水盆里画着一只手，表示：', 'On a care label, a hand drawn in a wash tub means:'),
          options: [o('可以机洗', 'Machine washable'), o('只能手洗', 'Hand wash only'), o('不能水洗', 'Do not wash in water'), o('只能干洗', 'Dry clean only')],
          correct: [1],
          explanation: o(
            '水盆表示可以水洗，盆里有手表示只能手洗；水盆上打叉才是不能水洗，圆圈一般表示干洗等专业清洗。',
            'A tub means it can be washed in water and a hand in it means hand wash only; a crossed-out tub means do not wash in water, and a circle usually means dry cleaning or other professional cleaning.',
          ),
        },
        {
          kind: 'multiple',
          prompt: o(
            '正式上岗前签的合同或协议里，应当写清楚哪些内容？（多选）',
            'What should the contract or agreement signed before starting work state clearly? (Choose all that apply)',
          ),
          options: [
            o('工作内容', 'The duties'),
            o('雇主家有多少存款', 'How much money the employer has in savings'),
            o('工资多少和哪天发', 'The wage and pay day'),
            o('工作时间和休息', 'Working hours and rest'),
          ],
          correct: [0, 2, 3],
          explanation: o(
            '工作内容、工资和发放时间、工作时间和休息是合同的核心内容，写清楚才能在发生纠纷时维护自己的权益。雇主的存款与服务无关，也属于雇主的隐私。',
            "Duties, wages and pay day, and working hours and rest are the core of the contract; having them in writing protects you if there is a dispute. The employer's savings have nothing to do with the work and are their private business.",
          ),
        },
      ],
    },
    {
      kind: 'practical',
      title: o(
        '实操考核：厨房和卫生间的清洁消毒（含清洁剂的安全使用）',
        'Practical assessment: cleaning and disinfecting a kitchen and bathroom, including safe use of cleaning products',
      ),
      passMark: 60,
    },
  ],
};

// ---------------------------------------------------------------------------
// VOC-ELEC-1
// ---------------------------------------------------------------------------

const vocElec1: CatalogCourse = {
  code: 'VOC-ELEC-1',
  category: 'vocational',
  title: o('电工（初级）', 'Electrician (Elementary)'),
  description: o(
    '安全放在第一位。学习安全用电和触电急救、停电验电挂牌、常用工具和仪表、电路基础，以及家庭照明和插座线路的安装。请注意：本课程的结业证书只证明你完成了培训，不能代替特种作业操作证。从事低压电工作业，必须经过专门的培训和考核，取得应急管理部门颁发的特种作业操作证后才能上岗。',
    'Safety comes first. Learn electrical safety and first aid for electric shock, isolating, testing and tagging, common tools and meters, circuit basics, and installing household lighting and socket circuits. Please note: this course certificate only shows that you completed the training and does not replace the Special Operations Certificate. To do low-voltage electrical work you must pass dedicated training and examination and hold a Special Operations Certificate issued by the emergency-management authority.',
  ),
  requiredHours: 64,
  minAttendancePct: 90,
  validityMonths: 36,
  requiredForVolunteers: false,
  prerequisiteCodes: [],
  lessons: [
    {
      title: o('安全用电与触电急救', 'Electrical Safety and First Aid for Electric Shock'),
      hours: 12,
      body: {
        'zh-CN': md(
          '电看不见、摸不着，一出事就是大事。电工的第一条规矩是：**没有确认断电，就当作有电**。',
          '',
          '触电的危害和电流大小、电流经过身体的路线、触电时间长短有关。电流从一只手流到另一只手或脚，会经过心脏，最危险。环境潮湿、皮肤出汗，人更容易触电。',
          '',
          '- 作业时穿绝缘鞋、戴绝缘手套，使用绝缘柄完好的工具；',
          '- 不用湿手碰开关和插座，不私拉乱接电线；',
          '- 漏电保护器要定期按“试验”按钮，检查能不能正常跳闸；',
          '- 电气设备着火，先切断电源，再用干粉或二氧化碳灭火器灭火，**不能用水浇**。',
          '',
          '发现有人触电，**先断电，再救人**：拉下开关或拔掉插头；一时断不了电，就站在干燥的木板上，用干燥的木棍、竹竿等绝缘物把电线挑开，千万不能直接用手去拉人。伤者脱离电源后拨打120；如果没有意识、没有正常呼吸，立即做心肺复苏，有AED（自动体外除颤器）的尽快使用。',
        ),
        en: md(
          "Electricity cannot be seen or felt until something goes wrong, and then it is serious. An electrician's first rule is: **if you have not confirmed it is dead, treat it as live**.",
          '',
          'How much harm a shock does depends on the size of the current, the path it takes through the body and how long it lasts. Current flowing from one hand to the other hand or to a foot passes through the heart and is the most dangerous. Damp surroundings and sweaty skin make shocks more likely.',
          '',
          '- Wear insulating shoes and insulating gloves at work, and use tools with undamaged insulated handles;',
          '- never touch switches or sockets with wet hands, and never run or connect wiring without authorisation;',
          "- press the 'test' button on residual-current devices regularly to check they trip properly;",
          '- if electrical equipment catches fire, cut the power first, then use a dry-powder or carbon-dioxide extinguisher; **never use water**.',
          '',
          'If someone is being electrocuted, **cut the power before you rescue**: switch off or pull out the plug. If the power cannot be cut at once, stand on a dry wooden board and push the wire away with a dry wooden stick, bamboo pole or other insulating object; never grab the person with your bare hands. Once they are free of the power, call 120; if they are unresponsive and not breathing normally, start CPR at once and use an AED (automated external defibrillator) as soon as one is available.',
        ),
      },
    },
    {
      title: o('停电、验电、挂牌：安全作业的基本步骤', 'Isolate, Test, Tag: The Basic Steps of Safe Work'),
      hours: 10,
      body: {
        'zh-CN': md(
          '在线路或设备上工作，必须按步骤来，一步也不能少：',
          '',
          '1. **停电**：断开所有可能向工作地点送电的开关，要有明显的断开点（比如拉开隔离开关、取下熔断器），不能只靠按一下停止按钮。',
          '2. **上锁挂牌**：在断开的开关上加锁，挂上“禁止合闸，有人工作”标示牌，钥匙自己保管，防止别人误送电。',
          '3. **验电**：用合格的验电器在工作点的每一根线上验电。验电前先在确定有电的地方试一下，证明验电器是好的。',
          '4. **装设接地线**（按规程需要时）：防止突然来电或感应电伤人。',
          '5. 工作结束后，清点工具，确认所有人员已离开线路和设备，按规定拆除接地线、摘牌开锁，再送电。',
          '',
          '谁挂的牌谁来摘，不能让别人代摘，更不能约定时间自动停电、送电。请记住：这门课教的是规矩和原理。真正在带电或可能带电的线路上工作，必须先取得特种作业操作证，并按单位的安全规程进行。',
        ),
        en: md(
          'Work on circuits or equipment must follow these steps, with none skipped:',
          '',
          '1. **Isolate**: open every switch that could feed power to the work point, with a visible break (for example an opened isolator or a removed fuse); pressing a stop button alone is not enough.',
          "2. **Lock and tag**: lock the opened switch and hang a 'Do not switch on – people at work' sign; keep the key yourself so nobody can re-energise it by mistake.",
          '3. **Test**: use an approved voltage tester on every conductor at the work point. Before testing, try the tester on something known to be live to prove it works.',
          '4. **Apply earthing leads** (where the safety rules require): to protect against unexpected re-energising or induced voltage.',
          '5. When the job is done, count your tools, make sure everyone is clear of the circuit and equipment, remove earthing leads and tags and unlock as the rules require, and only then restore power.',
          '',
          "The person who hung a tag removes it; nobody else may remove it for them, and power must never be cut or restored by a pre-agreed time. Remember: this course teaches rules and principles. Real work on live or possibly live circuits requires a Special Operations Certificate first and must follow your employer's safety rules.",
        ),
      },
    },
    {
      title: o('常用工具和仪表', 'Common Tools and Meters'),
      hours: 10,
      body: {
        'zh-CN': md(
          '- **验电笔**：检查低压线路和设备是否带电。使用前先在确定有电的插座上试一下是否正常；氖管式的要用手指接触笔尾金属部分，数显式的按说明书操作；手和身体不能碰到笔尖金属。',
          '- **螺丝刀、钢丝钳、尖嘴钳、斜口钳、剥线钳**：选用绝缘柄完好的，绝缘层破了就不能再用于电气作业。',
          '- **电工刀**：刀柄不绝缘，只能在断电的导线上使用；剖削绝缘层时刀口朝外。',
          '- **万用表**：能测电压、电阻和通断。测量前选对档位和量程，不知道大小时先用最大量程；**不能在带电的线路上测电阻**，测电压时不能放在电流档或电阻档。',
          '- **钳形电流表**：不用断开线路就能测电流，每次只钳一根导线。',
          '- **兆欧表（摇表）**：测量绝缘电阻，必须在断电、放电之后使用。',
          '',
          '工具用完擦干净、放回工具包，定期检查绝缘是否完好，仪表按规定定期校验。',
        ),
        en: md(
          '- **Voltage test pen**: checks whether low-voltage circuits and equipment are live. First test it on a socket known to be live; with a neon type, touch the metal cap at the end with your finger, and operate a digital type as its manual says; never let your hand or body touch the metal tip.',
          '- **Screwdrivers, pliers, long-nose pliers, side cutters and wire strippers**: use ones with undamaged insulated handles; once the insulation is broken they must not be used for electrical work.',
          "- **Electrician's knife**: the handle is not insulated, so use it only on dead conductors; cut insulation with the blade facing away from you.",
          '- **Multimeter**: measures voltage, resistance and continuity. Select the right function and range first; if you do not know the size, start on the highest range. **Never measure resistance on a live circuit**, and never measure voltage with the meter set to current or resistance.',
          '- **Clamp meter**: measures current without breaking the circuit; clamp only one conductor at a time.',
          '- **Insulation resistance tester (megger)**: measures insulation resistance and must only be used after the circuit is isolated and discharged.',
          '',
          'Clean tools after use and put them back in the tool bag, check the insulation regularly, and have meters calibrated as required.',
        ),
      },
    },
    {
      title: o('电路基础', 'Circuit Basics'),
      hours: 12,
      body: {
        'zh-CN': md(
          '- **电压（U）**：单位是伏特（V），就像水压，推动电流流动。我国家庭用电是220V交流电，三相动力电相线之间是380V。',
          '- **电流（I）**：单位是安培（A），就像水流的大小。',
          '- **电阻（R）**：单位是欧姆（Ω），阻碍电流通过。',
          '- **欧姆定律**：I = U ÷ R。**电功率**：P = U × I，单位是瓦特（W）。例如一台2200W的电热水器接在220V上，电流大约是10A。',
          '',
          '一个完整的电路要有电源、负载（比如灯泡）、导线和开关。**串联**时电流只有一条路，一处断开全都不工作；**并联**时各条支路互不影响，家里的电器都是并联的。',
          '',
          '**短路**是电流不经过负载直接流回电源，电流非常大，会烧坏线路甚至起火；**过载**是用电器太多、电流超过导线能承受的大小，导线会发热老化。断路器（空气开关）和熔断器就是在短路和过载时自动切断电路的保护电器。',
        ),
        en: md(
          '- **Voltage (U)**: measured in volts (V); like water pressure, it pushes current along. Household supply in China is 220 V AC; three-phase power is 380 V between phases.',
          '- **Current (I)**: measured in amperes (A); like the rate of water flow.',
          '- **Resistance (R)**: measured in ohms (Ω); it opposes the flow of current.',
          "- **Ohm's law**: I = U ÷ R. **Power**: P = U × I, measured in watts (W). For example, a 2200 W water heater on 220 V draws about 10 A.",
          '',
          'A complete circuit needs a source, a load (such as a lamp), conductors and a switch. In **series** there is only one path for current, so one break stops everything; in **parallel** each branch works independently, and all the appliances in a home are connected in parallel.',
          '',
          'A **short circuit** is when current returns to the source without passing through a load; the current is very large and can burn out wiring or start a fire. An **overload** is when too many appliances draw more current than the wire can carry, so the wire heats up and ages. Circuit breakers and fuses are the protective devices that cut the circuit automatically on short circuit or overload.',
        ),
      },
    },
    {
      title: o('家庭照明和插座线路安装', 'Installing Household Lighting and Socket Circuits'),
      hours: 14,
      body: {
        'zh-CN': md(
          '家庭线路先要认清导线：**相线（火线，L）**、**零线（N，淡蓝色）**、**保护接地线（PE，黄绿双色）**。黄绿双色线只能用作保护接地线，不能挪作他用。',
          '',
          '- **开关必须控制相线**，这样关灯后灯座上不带电，换灯泡更安全；',
          '- 单相三孔插座，面对插座时的接法是“**左零右火上接地**”；',
          '- 导线粗细要和用电负荷相配，常见做法是照明回路用1.5mm²铜线，插座回路用2.5mm²铜线，空调等大功率电器单独走一路；',
          '- 导线接头要牢固，包好绝缘，接头放在接线盒里，不能直接埋在墙里；',
          '- 插座回路要装漏电保护器，卫生间等潮湿的地方用带防溅盖的插座。',
          '',
          '所有练习都在实训台上、断电的状态下进行。接好线后，先由老师检查合格，才能通电试验。',
        ),
        en: md(
          'First learn to tell the conductors apart: **line (live, L)**, **neutral (N, light blue)** and **protective earth (PE, green-and-yellow)**. Green-and-yellow wire may only be used as protective earth and for nothing else.',
          '',
          '- **The switch must break the line conductor**, so the lamp holder is dead when the light is off and changing bulbs is safer;',
          "- for a single-phase three-pin socket, looking at its face, the wiring is '**neutral left, line right, earth at the top**';",
          '- match the wire size to the load; common practice is 1.5 mm² copper for lighting circuits and 2.5 mm² copper for socket circuits, with a separate circuit for air conditioners and other high-power appliances;',
          '- make joints secure and well insulated, keep them inside junction boxes, and never bury them in the wall;',
          '- protect socket circuits with a residual-current device, and use sockets with splash covers in bathrooms and other damp places.',
          '',
          'All practice is done on the training bench with the power off. After wiring, the teacher must check and approve it before any power-on test.',
        ),
      },
    },
    {
      title: o('持证上岗与职业发展', 'Certification and Career Paths'),
      hours: 6,
      body: {
        'zh-CN': md(
          '在我国，电工作业属于**特种作业**。从事低压电工作业，必须参加专门的安全技术培训，考试合格，取得**应急管理部门**颁发的《特种作业操作证》，才能上岗。无证上岗是违法的，出了事故要承担法律责任；用人单位也不能安排没有证的人员独立作业。',
          '',
          '本课程能帮你打好基础，但**结业证书不等于特种作业操作证**。老师会告诉你在当地报名参加特种作业考试的办法：一般要求年满18周岁、身体健康、初中及以上文化程度，培训后参加理论和实际操作考试。拿到证以后，要按规定按时参加复审，保持证件有效。',
          '',
          '有了操作证，还可以继续学习“电工（中级）”课程，向物业电工、工厂维修电工、家装水电工等方向发展。女性同样可以成为出色的电工，细心、耐心、守规矩，正是这一行最需要的品质。',
        ),
        en: md(
          'In China, electrical work is a **special operation**. To do low-voltage electrical work you must attend dedicated safety-technology training, pass the examination and obtain a **Special Operations Certificate** issued by the **emergency-management authority** before you may start. Working without it is illegal and you bear legal liability if there is an accident; employers may not let uncertified people work independently either.',
          '',
          'This course gives you a solid foundation, but **the course certificate is not a Special Operations Certificate**. Your teacher will explain how to register for the special-operations examination locally: the usual requirements are being at least 18, in good health and educated to at least junior-middle-school level, followed by training and then theory and practical exams. Once certified, attend the periodic reviews on time as required to keep the certificate valid.',
          '',
          "With the certificate you can go on to the 'Electrician (Intermediate)' course and work towards jobs such as property-maintenance electrician, factory maintenance electrician or home-renovation plumbing-and-electrical work. Women can be excellent electricians: care, patience and sticking to the rules are exactly what this trade needs.",
        ),
      },
    },
  ],
  assessments: [
    {
      kind: 'quiz',
      title: o('测验：电工（初级）', 'Quiz: Electrician (Elementary)'),
      passMark: 60,
      maxAttempts: 3,
      questions: [
        {
          kind: 'single',
          prompt: o('发现有人触电，第一步应该怎么做？', 'You find someone being electrocuted. What is the first thing to do?'),
          options: [
            o('直接用手把人拉开', 'Pull the person away with your hands'),
            o('往触电的人身上泼水', 'Throw water over the person'),
            o(
              '先切断电源；一时断不了电，用干燥的绝缘物把电线挑开',
              'Cut the power; if that is not possible at once, push the wire away with a dry insulating object',
            ),
            o('先打电话问家属怎么办', 'Phone the family first to ask what to do'),
          ],
          correct: [2],
          explanation: o(
            '先断电，再救人。直接用手拉，救人的人也会触电；水会导电，泼水更危险。脱离电源后再拨打120，需要时做心肺复苏。',
            'Cut the power before you rescue. Grabbing the person by hand electrocutes the rescuer too, and water conducts electricity, making it worse. Once the person is free of the power, call 120 and give CPR if needed.',
          ),
        },
        {
          kind: 'multiple',
          prompt: o('停电作业时，以下哪些做法是正确的？（多选）', 'When working on an isolated circuit, which of these are correct? (Choose all that apply)'),
          options: [
            o('断开开关，要有明显的断开点', 'Open the switch with a visible break'),
            o('在断开的开关上挂“禁止合闸，有人工作”标示牌', "Hang a 'Do not switch on – people at work' sign on the opened switch"),
            o('验电前先在有电的地方确认验电器是好的', 'Before testing, prove the tester on something known to be live'),
            o('和同事约好时间，到点就送电', 'Agree a time with a colleague, who switches the power back on at that time'),
          ],
          correct: [0, 1, 2],
          explanation: o(
            '停电要有明显断开点，上锁挂牌防止误送电，验电前先确认验电器完好。约时停、送电很容易在有人还在工作时送上电，是严格禁止的。',
            'Isolation needs a visible break, locking and tagging prevents accidental re-energising, and the tester must be proved before use. Cutting or restoring power by a pre-agreed time can easily energise a circuit while someone is still working on it and is strictly forbidden.',
          ),
        },
        {
          kind: 'true_false',
          prompt: o(
            '只要学完本课程、拿到结业证书，就可以独立从事低压电工作业。',
            'Once you finish this course and receive the course certificate, you may do low-voltage electrical work on your own.',
          ),
          options: tf(),
          correct: [FALSE],
          explanation: o(
            '低压电工作业属于特种作业，必须取得应急管理部门颁发的特种作业操作证才能上岗。本课程的结业证书只证明完成了培训。',
            'Low-voltage electrical work is a special operation and requires a Special Operations Certificate from the emergency-management authority. This course certificate only shows that you completed the training.',
          ),
        },
        {
          kind: 'single',
          prompt: o('面对单相三孔插座，正确的接线是：', 'Looking at the face of a single-phase three-pin socket, the correct wiring is:'),
          options: [
            o('左火右零上接地', 'Line left, neutral right, earth at the top'),
            o('左零右火上接地', 'Neutral left, line right, earth at the top'),
            o('上零下火，不用接地', 'Neutral top, line bottom, no earth needed'),
            o('怎么接都可以', 'Any way will do'),
          ],
          correct: [1],
          explanation: o(
            '面对插座“左零右火上接地”：左孔接零线N，右孔接相线L，上孔接保护接地线PE。接错可能导致电器外壳带电。',
            "Facing the socket: 'neutral left, line right, earth at the top'. The left hole takes neutral N, the right hole line L, and the top hole protective earth PE. Wrong wiring can leave an appliance's casing live.",
          ),
        },
        {
          kind: 'single',
          prompt: o('电气设备着火时，下面哪种做法是错误的？', 'If electrical equipment catches fire, which action is WRONG?'),
          options: [
            o('先切断电源', 'Cut the power first'),
            o('用干粉灭火器灭火', 'Use a dry-powder extinguisher'),
            o('用二氧化碳灭火器灭火', 'Use a carbon-dioxide extinguisher'),
            o('直接用水浇灭', 'Put it out with water'),
          ],
          correct: [3],
          explanation: o(
            '水能导电，带电设备用水浇会让救火的人触电。应先断电，再用干粉或二氧化碳灭火器灭火。',
            'Water conducts electricity, so pouring it on live equipment can electrocute the person fighting the fire. Cut the power first, then use a dry-powder or carbon-dioxide extinguisher.',
          ),
        },
      ],
    },
    {
      kind: 'practical',
      title: o(
        '实操考核：安全停电、验电与挂牌，并完成单控照明电路接线',
        'Practical assessment: safe isolation, voltage testing and tagging, then wiring a single-switch lighting circuit',
      ),
      passMark: 60,
    },
  ],
};

// ---------------------------------------------------------------------------
// VOC-ELEC-2
// ---------------------------------------------------------------------------

const vocElec2: CatalogCourse = {
  code: 'VOC-ELEC-2',
  category: 'vocational',
  title: o('电工（中级）', 'Electrician (Intermediate)'),
  description: o(
    '在初级电工的基础上，学习三相交流电和低压配电、接地与漏电保护、电动机控制线路、配电箱和照明线路安装、故障查找与绝缘测试，以及工作票等安全组织措施。需要先完成“电工（初级）”课程。实训全部在断电或实训台的安全条件下进行；在实际线路上作业，仍然必须持有有效的特种作业操作证。',
    "Building on the elementary course: three-phase AC and low-voltage distribution, earthing and residual-current protection, motor control circuits, installing distribution boards and lighting circuits, fault-finding and insulation testing, and organisational safety measures such as work permits. 'Electrician (Elementary)' must be completed first. All practice is done with the power off or on a training bench; working on real installations still requires a valid Special Operations Certificate.",
  ),
  requiredHours: 80,
  minAttendancePct: 90,
  validityMonths: 36,
  requiredForVolunteers: false,
  prerequisiteCodes: ['VOC-ELEC-1'],
  lessons: [
    {
      title: o('三相交流电与低压配电', 'Three-Phase AC and Low-Voltage Distribution'),
      hours: 12,
      body: {
        'zh-CN': md(
          '工厂、商铺和楼房常用**三相四线制**或**三相五线制**供电：三根相线（L1、L2、L3，颜色依次是黄、绿、红），一根零线（N，淡蓝色）；三相五线制还多一根保护线（PE，黄绿双色）。相线和相线之间的电压（线电压）是380V，相线和零线之间的电压（相电压）是220V。',
          '',
          '单相用电设备要尽量平均分到三相上，避免三相不平衡；不平衡严重时，零线电流变大，线路和设备容易发热。低压配电一般是一级一级分下去：总配电柜 → 分配电箱 → 开关箱 → 用电设备，每一级都装有相应的保护电器。',
          '',
          '要学会看简单的电气系统图和接线图：认识断路器、隔离开关、熔断器、接触器、热继电器、漏电保护器的图形符号，能说出一条回路从电源到用电设备经过了哪些电器。',
        ),
        en: md(
          'Factories, shops and buildings are usually supplied by a **three-phase four-wire** or **three-phase five-wire** system: three line conductors (L1, L2, L3, coloured yellow, green and red), one neutral (N, light blue), and in the five-wire system an additional protective conductor (PE, green-and-yellow). The voltage between two lines (line voltage) is 380 V; between a line and neutral (phase voltage) it is 220 V.',
          '',
          'Spread single-phase loads as evenly as possible across the three phases to avoid imbalance; with serious imbalance the neutral current rises and wiring and equipment tend to overheat. Low-voltage distribution branches down level by level: main switchboard → sub-distribution board → switch box → equipment, with suitable protective devices at each level.',
          '',
          'Learn to read simple electrical system and wiring diagrams: recognise the symbols for circuit breakers, isolators, fuses, contactors, thermal overload relays and residual-current devices, and be able to say which devices a circuit passes through from the supply to the equipment.',
        ),
      },
    },
    {
      title: o('接地与漏电保护', 'Earthing and Residual-Current Protection'),
      hours: 12,
      body: {
        'zh-CN': md(
          '**保护接地**和**保护接零**的目的，都是在设备外壳意外带电时，让保护电器迅速切断电源，或者把外壳上的电压降下来，防止人摸到外壳触电。',
          '',
          '- **TN-S系统**：零线N和保护线PE从电源处就分开，PE线平时没有电流，安全性好，新建建筑多采用；',
          '- **TT系统**：设备外壳单独接地，必须配合漏电保护器使用。',
          '',
          '同一个供电系统里，不能一部分设备接零、另一部分设备接地。',
          '',
          '**漏电保护器（剩余电流保护器）**检测流出去和流回来的电流是否相等，差值超过设定值就跳闸。用于防止人身触电的，额定动作电流一般不大于30mA，动作时间不超过0.1秒。N线必须穿过漏电保护器；漏电保护器后面的N线不能再和其他回路的N线或PE线相连，否则会误跳闸或失去保护作用。每月按一次试验按钮检查。',
        ),
        en: md(
          'The purpose of both **protective earthing** and **protective connection to neutral** is that, if an equipment casing accidentally becomes live, the protective device cuts the supply quickly or the casing voltage is kept low, so a person touching it is not electrocuted.',
          '',
          '- **TN-S system**: neutral N and protective conductor PE are separate from the source onwards; PE carries no current in normal use, which makes it safe, and it is widely used in new buildings;',
          '- **TT system**: equipment casings are earthed locally and must be used together with residual-current devices.',
          '',
          'Within one supply system, you must not connect some equipment to neutral and earth other equipment separately.',
          '',
          'A **residual-current device (RCD)** checks whether the current going out equals the current coming back and trips when the difference exceeds its setting. For protection against electric shock, the rated operating current is generally no more than 30 mA and the operating time no more than 0.1 s. The neutral must pass through the RCD, and the neutral downstream of the RCD must not be joined to the neutral of another circuit or to PE, or it will trip falsely or lose its protection. Press the test button once a month.',
        ),
      },
    },
    {
      title: o('电动机控制线路', 'Motor Control Circuits'),
      hours: 18,
      body: {
        'zh-CN': md(
          '三相异步电动机是工厂里最常见的动力设备。中级电工要会装、会查基本的控制线路：',
          '',
          '- **点动控制**：按住按钮电动机就转，松开就停，常用于调整设备。',
          '- **自锁（起保停）控制**：按下启动按钮后，接触器的辅助常开触点把启动按钮“短接”，松手后电动机继续运转，按停止按钮才停。',
          '- **正反转控制**：调换任意两根相线就能改变转向。两个接触器之间必须有**互锁**，防止同时吸合造成相间短路。',
          '- **保护**：熔断器或断路器做短路保护，热继电器做过载保护，接触器本身还有欠压、失压保护作用。',
          '',
          '接线时先接主电路、后接控制电路，照图接线，每根线两头做好标号。接完后，先在断电状态下用万用表检查，再经老师确认后通电试车。试车时人站在安全位置，发现异常立即按停止按钮。',
        ),
        en: md(
          'The three-phase induction motor is the most common drive in factories. An intermediate electrician must be able to wire and check the basic control circuits:',
          '',
          '- **Jog control**: the motor runs while the button is held and stops when it is released; used for setting up machines.',
          '- **Latching (start-stop) control**: after the start button is pressed, an auxiliary normally-open contact of the contactor bypasses the start button, so the motor keeps running after release and only stops when the stop button is pressed.',
          '- **Forward-reverse control**: swapping any two line conductors reverses the motor. The two contactors must be **interlocked** so they cannot close together and short-circuit two phases.',
          '- **Protection**: fuses or circuit breakers protect against short circuits, a thermal overload relay against overload, and the contactor itself gives under-voltage and loss-of-voltage protection.',
          '',
          'Wire the power circuit first and the control circuit second, follow the diagram, and label both ends of every wire. When finished, check with a multimeter with the power off, and only after the teacher confirms it, run a power-on test. During the test stand in a safe position and press the stop button at once if anything seems wrong.',
        ),
      },
    },
    {
      title: o('配电箱与照明线路安装', 'Installing Distribution Boards and Lighting Circuits'),
      hours: 14,
      body: {
        'zh-CN': md(
          '配电箱安装要做到**箱体牢固、接线规范、标识清楚**：',
          '',
          '- 进线和出线分开，导线排列整齐，转弯一致，不交叉；',
          '- 每个接线端子一般不超过两根线，压接牢固，露出的铜线不要过长；',
          '- 每一路开关都贴上标签，写清楚控制哪个房间或哪台设备；',
          '- N线、PE线分别接到各自的汇流排上，不能混接；',
          '- 箱门关好，箱内不放杂物。',
          '',
          '照明线路方面，中级电工还要会接**双控开关**（楼梯上下两处都能控制同一盏灯），会安装LED灯具和日光灯，会按负荷选择导线和开关的规格。穿管布线时，管内导线要留有余量，不同回路、不同电压等级的导线一般不穿在同一根管内，管内不能有接头。',
        ),
        en: md(
          'A distribution board must be **firmly mounted, correctly wired and clearly labelled**:',
          '',
          '- keep incoming and outgoing cables apart, run conductors neatly with matching bends and no crossing;',
          '- generally no more than two conductors per terminal, clamped firmly, without too much bare copper showing;',
          '- label every circuit breaker with the room or equipment it controls;',
          '- connect N and PE conductors to their own separate bars; never mix them;',
          '- keep the door closed and store nothing inside the board.',
          '',
          'For lighting, an intermediate electrician must also be able to wire **two-way switching** (one lamp controlled from the top and bottom of a staircase), install LED and fluorescent fittings, and choose wire and breaker sizes to suit the load. When pulling wires through conduit, leave spare room in the conduit, generally do not put conductors of different circuits or voltage levels in the same conduit, and never make joints inside conduit.',
        ),
      },
    },
    {
      title: o('故障查找与绝缘测试', 'Fault-Finding and Insulation Testing'),
      hours: 16,
      body: {
        'zh-CN': md(
          '查故障要有思路：**先问、再看、后测**。先问清楚故障发生前后的情况；再看有没有烧焦的痕迹，闻有没有焦糊味，看开关是否跳闸；最后用仪表测量。',
          '',
          '- **断电测量**：断开电源、验电确认无电后，用万用表电阻档或通断档一段一段地查，找出断路或短路的位置。',
          '- **绝缘测试**：用兆欧表测量导线之间、导线对地的绝缘电阻。测量前必须断电，对被测线路放电，并断开用电设备；测完后也要放电。绝缘电阻低于规定值的线路不能投入使用。',
          '- **常见故障**：漏电保护器频繁跳闸，多数是线路或电器漏电，或者N线和PE线混接；断路器跳闸，多是过载或短路；灯不亮，可能是灯具坏了、接头松了或开关坏了。',
          '',
          '找到原因再修。绝不能为了“不跳闸”就拆掉漏电保护器、换大一号的开关，或者用铜丝代替熔丝。',
        ),
        en: md(
          'Fault-finding needs a method: **ask, look, then measure**. First ask what happened before and after the fault; then look for scorch marks, smell for burning and see whether a breaker has tripped; only then measure with instruments.',
          '',
          '- **Dead testing**: isolate the supply and prove it dead, then use the multimeter on resistance or continuity to check section by section and locate the open or short circuit.',
          '- **Insulation testing**: use an insulation resistance tester to measure insulation between conductors and from conductors to earth. Before testing, isolate the circuit, discharge it and disconnect the equipment; discharge it again afterwards. A circuit whose insulation resistance is below the required value must not be put into service.',
          '- **Common faults**: an RCD that keeps tripping usually means leakage in the wiring or an appliance, or N and PE wrongly joined; a tripping circuit breaker usually means overload or short circuit; a light that will not come on may have a faulty fitting, a loose connection or a broken switch.',
          '',
          "Repair only once you have found the cause. Never remove an RCD, fit a larger breaker or replace a fuse with copper wire just to 'stop it tripping'.",
        ),
      },
    },
    {
      title: o('安全组织措施与职业发展', 'Organisational Safety Measures and Career Development'),
      hours: 8,
      body: {
        'zh-CN': md(
          '正规单位的电气作业，除了停电、验电、装设接地线、悬挂标示牌这些**技术措施**，还有**组织措施**：工作票制度、工作许可制度、工作监护制度，以及工作间断、转移和终结制度。简单说，就是干什么活、在哪里干、谁负责、谁监护、什么时候可以送电，都要有书面记录，有人签字确认。',
          '',
          '带电作业风险很高，原则上应当停电作业；确实需要带电作业的，必须严格按规程进行，有专人监护，使用合格的绝缘工具和防护用品。',
          '',
          '持有特种作业操作证的，要按规定时间参加复审，保持证件有效。想继续提高，可以参加电工职业技能等级认定，考取相应等级的证书；也可以向物业设施维护、工厂设备维修、充电桩和光伏等新能源设备的安装维护方向发展。',
        ),
        en: md(
          'In a properly run workplace, electrical work needs not only the **technical measures** of isolating, testing, applying earthing leads and hanging signs, but also **organisational measures**: the work-permit system, the work-authorisation system, the supervision system, and the system for interrupting, transferring and completing work. Put simply: what job, where, who is responsible, who supervises and when power may be restored must all be recorded in writing and signed off.',
          '',
          'Live working is high-risk; as a rule, work should be done with the power off. Where live work is truly necessary, it must strictly follow the safety rules, with a dedicated supervisor and approved insulated tools and protective equipment.',
          '',
          'Holders of a Special Operations Certificate must attend its reviews on time to keep it valid. To progress further, you can take part in electrician vocational skill level assessment and earn a certificate at the corresponding level, or move towards building-services maintenance, factory equipment maintenance, or installing and maintaining new-energy equipment such as EV chargers and solar power.',
        ),
      },
    },
  ],
  assessments: [
    {
      kind: 'quiz',
      title: o('测验：电工（中级）', 'Quiz: Electrician (Intermediate)'),
      passMark: 60,
      maxAttempts: 3,
      questions: [
        {
          kind: 'single',
          prompt: o(
            '在三相四线制低压系统中，相线和相线之间的电压一般是：',
            'In a three-phase four-wire low-voltage system, the voltage between two line conductors is normally:',
          ),
          options: [o('36V', '36 V'), o('110V', '110 V'), o('220V', '220 V'), o('380V', '380 V')],
          correct: [3],
          explanation: o(
            '我国低压三相系统的线电压是380V，相线与零线之间的相电压是220V。',
            "In China's low-voltage three-phase system the line-to-line voltage is 380 V, and the line-to-neutral voltage is 220 V.",
          ),
        },
        {
          kind: 'true_false',
          prompt: o(
            '正反转控制线路中，两个接触器之间必须有互锁，防止同时吸合造成相间短路。',
            'In a forward-reverse control circuit, the two contactors must be interlocked to stop them closing together and short-circuiting two phases.',
          ),
          options: tf(),
          correct: [TRUE],
          explanation: o(
            '正转和反转接触器接入的相序不同，如果同时吸合，就会把两根相线直接短接，所以必须用电气互锁（常用的还有按钮机械互锁）。',
            'The forward and reverse contactors connect the phases in different orders; if both closed, two lines would be shorted directly, so they must be electrically interlocked (button interlocking is often added as well).',
          ),
        },
        {
          kind: 'multiple',
          prompt: o('关于漏电保护器，以下说法正确的是：（多选）', 'Which statements about residual-current devices are correct? (Choose all that apply)'),
          options: [
            o(
              '用于人身触电保护时，额定动作电流一般不大于30mA',
              'For protection against electric shock, the rated operating current is generally no more than 30 mA',
            ),
            o('应当每月按试验按钮检查一次', 'The test button should be pressed once a month'),
            o('频繁跳闸时可以拆掉不用', 'If it keeps tripping, it can be removed'),
            o('N线必须穿过漏电保护器', 'The neutral must pass through the RCD'),
          ],
          correct: [0, 1, 3],
          explanation: o(
            '漏电保护器频繁跳闸说明线路或设备可能漏电，应当查明原因并排除，绝不能拆掉。N线不穿过漏电保护器，它就无法正确判断电流是否平衡。',
            'Frequent tripping means there may be leakage in the wiring or equipment; find and fix the cause, never remove the device. If the neutral does not pass through the RCD, it cannot correctly tell whether the currents balance.',
          ),
        },
        {
          kind: 'single',
          prompt: o('用兆欧表测量线路的绝缘电阻之前，应该：', 'Before measuring insulation resistance with an insulation tester, you should:'),
          options: [
            o('带电直接测量', 'Measure with the circuit live'),
            o('断电，对线路放电，并断开用电设备', 'Isolate, discharge the circuit and disconnect the equipment'),
            o('只断开一半的用电设备', 'Disconnect only half the equipment'),
            o('先用钳形电流表测电流', 'Measure the current with a clamp meter first'),
          ],
          correct: [1],
          explanation: o(
            '兆欧表本身会输出较高的测试电压，必须在断电、放电并断开用电设备后测量，否则既危险，又会损坏设备、测不准。',
            'The tester produces a fairly high test voltage itself, so measure only after isolating, discharging and disconnecting equipment; otherwise it is dangerous, can damage equipment and gives false readings.',
          ),
        },
        {
          kind: 'multiple',
          prompt: o(
            '电气作业的安全组织措施包括哪些？（多选）',
            'Which of these are organisational safety measures for electrical work? (Choose all that apply)',
          ),
          options: [
            o('约时停电、送电制度', 'Cutting and restoring power at pre-agreed times'),
            o('工作票制度', 'Work-permit system'),
            o('工作许可制度', 'Work-authorisation system'),
            o('工作监护制度', 'Supervision system'),
          ],
          correct: [1, 2, 3],
          explanation: o(
            '组织措施包括工作票、工作许可、工作监护以及工作间断、转移和终结制度。约时停电、送电是被严格禁止的危险做法。',
            'Organisational measures include work permits, work authorisation, supervision, and the rules for interrupting, transferring and completing work. Cutting or restoring power at pre-agreed times is a dangerous practice that is strictly forbidden.',
          ),
        },
      ],
    },
    {
      kind: 'practical',
      title: o(
        '实操考核：三相电动机自锁控制线路接线、断电检查与通电试车',
        'Practical assessment: wiring a three-phase motor latching control circuit, dead-checking it and running a power-on test',
      ),
      passMark: 60,
    },
  ],
};

// ---------------------------------------------------------------------------
// VOC-BEAUTY
// ---------------------------------------------------------------------------

const vocBeauty: CatalogCourse = {
  code: 'VOC-BEAUTY',
  category: 'vocational',
  title: o('美容师', 'Beautician'),
  description: o(
    '学习美容店的卫生与消毒、皮肤基础知识、基础面部护理的流程和手法、顾客接待与服务，以及生活美容和医疗美容的界限。本课程只教非医疗的生活美容，不教、也不允许从事任何医疗美容项目。',
    'Learn salon hygiene and disinfection, skin basics, the steps and techniques of a basic facial, customer reception and service, and where everyday beauty care ends and medical cosmetology begins. This course covers non-medical beauty care only; it does not teach, and does not permit, any medical cosmetic procedure.',
  ),
  requiredHours: 48,
  minAttendancePct: 80,
  validityMonths: null,
  requiredForVolunteers: false,
  prerequisiteCodes: [],
  lessons: [
    {
      title: o('职业要求与卫生消毒', 'Professional Requirements, Hygiene and Disinfection'),
      hours: 10,
      body: {
        'zh-CN': md(
          '美容师每天和顾客的皮肤接触，卫生做不好，就可能传播皮肤病和其他传染病。按照公共场所卫生管理的规定，美容店的从业人员要取得健康合格证明（健康证）才能上岗，并定期体检。',
          '',
          '- **个人卫生**：工作服干净，头发扎起，指甲剪短；每次服务前后都要洗手。',
          '- **一客一换一消毒**：毛巾、床单、头巾每位顾客用后更换，清洗后消毒。',
          '- **工具消毒**：镊子、修眉刀等工具清洗后按规定消毒，例如用75%的酒精擦拭或浸泡，或放进消毒柜；一次性用品用后丢弃，不能重复使用。',
          '- **产品管理**：化妆品开封后写上日期，不用过期产品；取面霜用小刮棒，不用手直接挖。',
          '',
          '店内保持通风，消毒过的物品和没消毒的物品分开放。',
        ),
        en: md(
          "Beauticians touch customers' skin all day; poor hygiene can spread skin diseases and other infections. Under the rules on hygiene in public places, salon staff must hold a health certificate before starting work and have regular health checks.",
          '',
          '- **Personal hygiene**: clean uniform, hair tied back, nails short; wash your hands before and after every service.',
          '- **Change and disinfect for every customer**: towels, couch sheets and headbands are changed after each customer, then washed and disinfected.',
          '- **Tool disinfection**: clean tweezers, brow razors and other tools, then disinfect them as required, for example by wiping or soaking with 75% alcohol or using a disinfection cabinet; single-use items are thrown away after use and never reused.',
          '- **Product care**: write the opening date on cosmetics and never use expired products; take cream out with a spatula, never with your fingers.',
          '',
          'Keep the salon well ventilated and store disinfected items apart from items not yet disinfected.',
        ),
      },
    },
    {
      title: o('认识皮肤', 'Understanding the Skin'),
      hours: 10,
      body: {
        'zh-CN': md(
          '皮肤从外到里分为**表皮、真皮和皮下组织**。它保护身体、调节体温、感觉冷热和疼痛。生活美容只在皮肤表面做清洁和保养。',
          '',
          '- **中性皮肤**：不油不干，毛孔细小，状态稳定；',
          '- **干性皮肤**：容易紧绷、起皮，细纹比较明显，要加强保湿；',
          '- **油性皮肤**：出油多，毛孔粗大，容易长痘，要注意清洁，但不能过度去油；',
          '- **混合性皮肤**：额头、鼻子、下巴（T区）油，两颊偏干；',
          '- **敏感性皮肤**：容易发红、发痒、刺痛，产品要温和，少做去角质。',
          '',
          '判断肤质，可以在洁面一段时间后观察出油的情况，同时问问顾客平时的感觉。发现皮肤有伤口、感染、原因不明的红肿或皮疹，或者顾客正在接受皮肤科治疗，不要做护理，建议她先到正规医院看皮肤科。',
        ),
        en: md(
          'From the outside in, the skin has three layers: **epidermis, dermis and subcutaneous tissue**. It protects the body, regulates temperature and senses heat, cold and pain. Everyday beauty care only cleans and looks after the surface of the skin.',
          '',
          '- **Normal skin**: neither oily nor dry, fine pores, stable;',
          '- **Dry skin**: feels tight, flakes easily, fine lines are more visible; needs extra moisturising;',
          '- **Oily skin**: produces a lot of oil, large pores, prone to spots; keep it clean but do not strip the oil away;',
          '- **Combination skin**: oily forehead, nose and chin (the T-zone) with drier cheeks;',
          '- **Sensitive skin**: reddens, itches or stings easily; use gentle products and exfoliate rarely.',
          '',
          "To judge skin type, observe how oily it becomes some time after cleansing and ask how the customer's skin usually feels. If the skin has a wound, infection, unexplained redness, swelling or rash, or the customer is under a dermatologist's treatment, do not give the treatment; advise her to see a dermatologist at a proper hospital first.",
        ),
      },
    },
    {
      title: o('基础面部护理流程', 'The Basic Facial Step by Step'),
      hours: 16,
      body: {
        'zh-CN': md(
          '一次基础面部护理的一般流程：',
          '',
          '1. **咨询与记录**：了解肤质、过敏史、正在用的药和护肤品，填写顾客档案；',
          '2. **卸妆和清洁**：先卸眼部和唇部的妆，再用洁面产品清洁全脸；',
          '3. **爽肤**：用化妆水帮助调理皮肤；',
          '4. **按摩**：顺着肌肉走向，从下往上、从里向外，力度轻柔，避开眼球和有伤口、痘痘发炎的地方；',
          '5. **敷面膜**：按产品说明掌握时间；',
          '6. **基础保养**：涂精华、面霜，白天要做防晒。',
          '',
          '新产品第一次使用前，先在耳后或手臂内侧**小范围试用**，看有没有发红、发痒。护理中顾客说刺痛、发烫、发痒，要马上停下来，用清水洗干净；情况严重的，建议就医。做完后告诉顾客在家护理的注意事项。',
        ),
        en: md(
          'A basic facial generally goes like this:',
          '',
          "1. **Consultation and record**: ask about skin type, allergies, and any medicines and skincare products in use, and fill in the customer's record;",
          '2. **Make-up removal and cleansing**: remove eye and lip make-up first, then cleanse the whole face;',
          '3. **Toning**: use a toner to help condition the skin;',
          '4. **Massage**: follow the direction of the muscles, upwards and outwards, with a light touch, avoiding the eyeballs and any wounds or inflamed spots;',
          '5. **Mask**: leave on for the time the product instructions give;',
          '6. **Basic care**: apply serum and cream, and sunscreen during the day.',
          '',
          'Before using a product on someone for the first time, do a **small patch test** behind the ear or on the inner arm and check for redness or itching. If the customer feels stinging, burning or itching during the treatment, stop at once and rinse with clean water; if it is serious, advise her to see a doctor. Afterwards, explain how to care for the skin at home.',
        ),
      },
    },
    {
      title: o('顾客接待与服务', 'Customer Reception and Service'),
      hours: 8,
      body: {
        'zh-CN': md(
          '好的服务让顾客愿意再来。接待时面带微笑、主动问好，先了解顾客想解决什么问题，再根据皮肤情况介绍合适的项目。',
          '',
          '- **实事求是**：不夸大效果，不说“一次就变白”“永久祛斑”这类话；',
          '- **明码标价**：价格提前说清楚，不在护理中途临时加项目、加钱；',
          '- **不强迫推销**：顾客不想办卡、不想买产品，要尊重她；办预付卡的，要说清楚金额、服务内容、有效期和退卡办法，并给书面凭证；',
          '- **保护顾客隐私**：顾客的个人信息、皮肤照片，没经过同意不能外传或发到网上。',
          '',
          '顾客不满意时，先认真听，真诚道歉，能当场解决的当场解决，解决不了的及时告诉店长。也要懂得保护自己：遇到骚扰可以拒绝、离开，告诉店长，必要时报警。',
        ),
        en: md(
          'Good service makes customers want to come back. Greet them with a smile, find out first what they want to improve, then suggest suitable treatments based on their skin.',
          '',
          "- **Be truthful**: do not exaggerate results or say things like 'whiter after one session' or 'freckles gone for good';",
          '- **Clear prices**: state prices in advance and never add treatments or charges halfway through;',
          '- **No pressure selling**: respect a customer who does not want a membership card or products; for a prepaid card, explain the amount, services, validity period and refund terms, and give a written receipt;',
          "- **Protect customers' privacy**: never share a customer's personal details or skin photos, or post them online, without her consent.",
          '',
          'When a customer is unhappy, listen carefully and apologise sincerely; solve what you can on the spot and tell the manager promptly about what you cannot. Protect yourself too: if you are harassed, you may refuse and leave, tell the manager, and call the police if necessary.',
        ),
      },
    },
    {
      title: o('生活美容和医疗美容的界限', 'Where Beauty Care Ends and Medical Cosmetology Begins'),
      hours: 4,
      body: {
        'zh-CN': md(
          '这一点非常重要：**生活美容**是用化妆品和非医疗的手法，对皮肤做清洁、保养和修饰；**医疗美容**是用手术、药物、医疗器械以及其他有创伤性或者侵入性的医学技术改变容貌，必须由有资质的医疗机构和执业医师来做。',
          '',
          '美容师**不能**做这些事：',
          '',
          '- 打针注射，比如玻尿酸、肉毒素、水光针；',
          '- 割双眼皮、埋线提升等任何开刀或有创伤的操作；',
          '- 用激光、强脉冲光等医疗器械做治疗；',
          '- 给顾客开药，或者使用来历不明的“三无”产品。',
          '',
          '如果店里要求你做这些，你有权拒绝。非法开展医疗美容要承担法律责任，顾客也可能因此毁容，甚至危及生命。顾客有这方面的需求，请建议她到正规医院的医疗美容科咨询。',
        ),
        en: md(
          'This point is very important: **everyday beauty care** uses cosmetics and non-medical techniques to clean, care for and enhance the skin; **medical cosmetology** changes appearance using surgery, drugs, medical devices or other invasive or tissue-damaging medical techniques, and may only be performed by licensed medical institutions and practising doctors.',
          '',
          'A beautician must **not**:',
          '',
          '- give injections such as hyaluronic acid, botulinum toxin or skin-booster injections;',
          '- perform double-eyelid surgery, thread lifts or any other cutting or invasive procedure;',
          '- give treatments with lasers, intense pulsed light or other medical devices;',
          '- prescribe medicines, or use unlabelled products of unknown origin.',
          '',
          'If a salon asks you to do these things, you have the right to refuse. Carrying out medical cosmetology illegally brings legal liability, and customers can be disfigured or even have their lives put at risk. If a customer wants such treatment, advise her to consult the medical cosmetology department of a proper hospital.',
        ),
      },
    },
  ],
  assessments: [
    {
      kind: 'quiz',
      title: o('测验：美容师', 'Quiz: Beautician'),
      passMark: 60,
      maxAttempts: 3,
      questions: [
        {
          kind: 'single',
          prompt: o('毛巾、床单的正确处理方法是：', 'What is the correct way to handle towels and couch sheets?'),
          options: [
            o('每天下班时统一换一次', 'Change them all once at the end of each day'),
            o('一客一换一消毒', 'Change and disinfect them after every customer'),
            o('看起来不脏就继续用', 'Keep using them if they look clean'),
            o('一周换一次', 'Change them once a week'),
          ],
          correct: [1],
          explanation: o(
            '毛巾、床单直接接触顾客的皮肤和头发，每位顾客用后都要更换，清洗后消毒，防止传播皮肤病等传染病。',
            "Towels and sheets touch customers' skin and hair directly, so change them after every customer, then wash and disinfect them to prevent the spread of skin and other infections.",
          ),
        },
        {
          kind: 'single',
          prompt: o('额头、鼻子、下巴容易出油，两颊偏干，这属于哪种皮肤？', 'An oily forehead, nose and chin with drier cheeks is which skin type?'),
          options: [o('干性皮肤', 'Dry'), o('中性皮肤', 'Normal'), o('混合性皮肤', 'Combination'), o('敏感性皮肤', 'Sensitive')],
          correct: [2],
          explanation: o(
            'T区（额头、鼻子、下巴）油、两颊干，是混合性皮肤的典型表现，护理时不同部位要区别对待。',
            'An oily T-zone (forehead, nose, chin) with dry cheeks is typical combination skin; treat the different areas differently.',
          ),
        },
        {
          kind: 'true_false',
          prompt: o(
            '顾客要求打玻尿酸，美容师在店里经过培训后就可以为顾客注射。',
            'If a customer asks for hyaluronic acid, a beautician who has been trained in the salon may inject it.',
          ),
          options: tf(),
          correct: [FALSE],
          explanation: o(
            '注射属于医疗美容，只能由有资质的医疗机构和执业医师进行。美容师不能做注射，店内培训也不能改变这一点。',
            'Injection is medical cosmetology and may only be done by licensed medical institutions and practising doctors. Beauticians may not inject, and in-salon training does not change that.',
          ),
        },
        {
          kind: 'multiple',
          prompt: o(
            '新产品第一次给顾客使用前，应该做哪些事？（多选）',
            'Before using a new product on a customer for the first time, what should you do? (Choose all that apply)',
          ),
          options: [
            o('询问过敏史', 'Ask about allergies'),
            o('在耳后或手臂内侧小范围试用', 'Patch-test a small area behind the ear or on the inner arm'),
            o('直接大面积涂抹，见效更快', 'Apply it generously straight away for faster results'),
            o('观察有没有发红、发痒', 'Check for redness or itching'),
          ],
          correct: [0, 1, 3],
          explanation: o(
            '先问过敏史、做小范围试用并观察反应，可以减少过敏和刺激的风险。直接大面积使用，一旦过敏，伤害会更大。',
            'Asking about allergies, patch-testing and watching for a reaction reduce the risk of allergy and irritation. Applying it widely straight away makes any allergic reaction much worse.',
          ),
        },
        {
          kind: 'multiple',
          prompt: o('以下哪些属于诚信服务？（多选）', 'Which of these are honest service? (Choose all that apply)'),
          options: [
            o('明码标价，提前讲清价格', 'Clear prices, stated in advance'),
            o('向顾客保证“一次就能永久祛斑”', "Promising 'freckles gone for good after one session'"),
            o('顾客不想办卡时，尊重她的决定', "Respecting a customer's decision not to buy a card"),
            o('办预付卡时说清服务内容、有效期和退卡办法', 'Explaining services, validity and refund terms when selling a prepaid card'),
          ],
          correct: [0, 2, 3],
          explanation: o(
            '明码标价、不强迫推销、把预付卡的条件讲清楚，都是诚信经营的要求。夸大效果是虚假宣传，会损害顾客利益和店铺信誉。',
            "Clear prices, no pressure selling and explaining prepaid-card terms are all part of honest business. Exaggerated claims are false advertising and harm customers and the salon's reputation.",
          ),
        },
      ],
    },
    {
      kind: 'practical',
      title: o('实操考核：工具消毒与基础面部护理全流程', 'Practical assessment: tool disinfection and a complete basic facial'),
      passMark: 60,
    },
  ],
};

// ---------------------------------------------------------------------------
// VOC-ELDER
// ---------------------------------------------------------------------------

const vocElder: CatalogCourse = {
  code: 'VOC-ELDER',
  category: 'vocational',
  title: o('养老护理员', 'Elder Care Worker'),
  description: o(
    '学习照护老年人的基本本领：职业道德与老人权益、日常生活照料、防跌倒与安全转移、和失智老人沟通、突发情况的应急处理，以及在非医疗范围内的保健按摩。本课程培养生活照护能力，不涉及打针、调整用药等医疗护理操作。',
    "Learn the core skills of caring for older people: professional ethics and older people's rights, daily living care, fall prevention and safe transfers, communicating with people with dementia, handling emergencies, and relaxation massage within non-medical limits. This course builds everyday care skills; it does not cover injections, changing medication or other clinical nursing procedures.",
  ),
  requiredHours: 56,
  minAttendancePct: 80,
  validityMonths: 24,
  requiredForVolunteers: false,
  prerequisiteCodes: [],
  lessons: [
    {
      title: o('职业道德与老人权益', "Professional Ethics and Older People's Rights"),
      hours: 6,
      body: {
        'zh-CN': md(
          '照顾老人，首先是尊重。《老年人权益保障法》保护老年人的人身、财产和人格尊严，禁止歧视、侮辱、虐待和遗弃老年人。',
          '',
          '- **尊重**：称呼得体，做事前先说明、征得同意，比如“王阿姨，我现在帮您擦擦身子，好吗？”',
          '- **保护隐私**：换衣、擦身、如厕时拉上帘子或关好门，尽量少暴露身体；不对外说老人的病情和家事。',
          '- **鼓励自理**：老人能自己做的，耐心让他自己做，不图快就事事包办，这样能保持老人的能力。',
          '- **不拿老人钱物**：不收红包，不替老人保管存折和银行卡，不参与老人的财产安排。',
          '- **不打骂、不强制**：老人不配合时耐心劝，不能随意捆绑、恐吓。发现老人被虐待或遗弃，要向机构负责人、当地民政部门或公安机关报告。',
        ),
        en: md(
          "Caring for older people starts with respect. The Law on the Protection of the Rights and Interests of the Elderly protects older people's person, property and dignity, and prohibits discriminating against, insulting, abusing or abandoning them.",
          '',
          "- **Respect**: address people properly, and explain and ask before you do anything, for example 'Auntie Wang, shall I give you a wash now?'",
          '- **Privacy**: draw the curtain or close the door when helping someone dress, wash or use the toilet, and keep the body covered as much as possible; do not tell others about their illness or family affairs.',
          '- **Encourage independence**: let older people do what they can for themselves, patiently, rather than doing everything for them to save time; this helps them keep their abilities.',
          '- **No money or gifts**: do not accept red packets, do not keep their bankbooks or bank cards, and stay out of their financial arrangements.',
          '- **No hitting, scolding or force**: if someone will not cooperate, persuade them patiently; never tie them up or threaten them. If you find an older person being abused or abandoned, report it to the head of the care organisation, the local civil affairs department or the police.',
        ),
      },
    },
    {
      title: o('日常生活照料', 'Daily Living Care'),
      hours: 14,
      body: {
        'zh-CN': md(
          '日常照料包括吃饭、清洁、大小便、睡眠等方面，每一样都要细心。',
          '',
          '- **进食**：让老人坐起来吃饭，卧床的老人尽量取坐位或半卧位；喂饭每口不要太多，等咽下去再喂下一口；吃完后保持坐位休息一会儿。吞咽困难的老人，要按医生或康复人员的建议调整食物的软硬和稠度。',
          '- **清洁**：每天早晚帮老人刷牙或清洁口腔，有假牙的晚上取下来清洗；洗澡前先用手腕内侧试水温，洗澡时间不要太长，注意防滑、防着凉。',
          '- **大小便**：定时提醒如厕，及时更换尿垫，便后清洁皮肤，保持干燥。',
          '- **预防压疮**：卧床老人一般至少每2小时翻一次身，检查骶尾部、脚后跟等骨头突出的地方有没有发红，床单保持平整干燥。',
          '',
          '每天留意老人的饭量、大小便、睡眠和精神状态，有变化及时告诉家属或护士。',
        ),
        en: md(
          'Daily care covers eating, washing, toileting, sleep and more, and each needs care and attention.',
          '',
          '- **Eating**: help the person sit up to eat; someone in bed should sit up or be propped half-upright as far as possible. Give small mouthfuls and wait until each is swallowed before the next, and keep them sitting up for a while after the meal. For people who have difficulty swallowing, adjust the texture and thickness of food as the doctor or rehabilitation staff advise.',
          '- **Hygiene**: help with brushing teeth or mouth care every morning and evening, and take out and clean dentures at night; test bath water with the inside of your wrist first, keep baths short, and guard against slips and chills.',
          '- **Toileting**: remind them to use the toilet at regular times, change incontinence pads promptly, and clean and dry the skin afterwards.',
          '- **Pressure-sore prevention**: people confined to bed should generally be turned at least every 2 hours; check bony areas such as the lower back and heels for redness, and keep sheets smooth and dry.',
          '',
          'Each day, notice how much they eat, their toileting, sleep and mood, and tell the family or a nurse promptly about any change.',
        ),
      },
    },
    {
      title: o('防跌倒与安全转移', 'Fall Prevention and Safe Transfers'),
      hours: 10,
      body: {
        'zh-CN': md(
          '跌倒是老人受伤的重要原因，可能导致骨折，甚至从此卧床。预防比救治更重要：',
          '',
          '- **环境**：地面干燥、没有杂物，通道畅通，夜里有小夜灯；卫生间装扶手、铺防滑垫；常用的东西放在老人伸手就能拿到的地方。',
          '- **个人**：穿合脚、防滑的鞋，裤子不要太长；起床做到“三个半分钟”：醒来躺半分钟、坐起来半分钟、双腿垂在床边半分钟，再站起来。吃了降压药、安眠药以后更要注意。',
          '',
          '**转移**（比如从床上到轮椅上）时：先向老人说明要做什么；轮椅放在老人身体比较有力的一侧，和床成一定角度，**拉好刹车**，收起脚踏板；护理员两脚分开站稳，屈膝、腰背挺直，用腿的力量，不要弯腰硬搬；老人能用力的地方，尽量让他自己用力。推轮椅下坡时，要倒着走，慢慢下。',
        ),
        en: md(
          'Falls are a major cause of injury in older people and can lead to fractures or even being bedridden for good. Prevention matters more than treatment:',
          '',
          '- **Surroundings**: floors dry and clear, walkways open, a night light on at night; grab rails and non-slip mats in the bathroom; everyday items within easy reach.',
          "- **The person**: well-fitting non-slip shoes and trousers that are not too long. When getting up, follow the 'three half-minutes': lie for half a minute after waking, sit up for half a minute, sit with legs hanging over the edge of the bed for half a minute, then stand. Take extra care after blood-pressure medicine or sleeping pills.",
          '',
          "For a **transfer** (for example from bed to wheelchair): first explain what you are going to do; put the wheelchair on the person's stronger side, at an angle to the bed, **with the brakes on** and the footrests folded away; stand firmly with feet apart, bend your knees and keep your back straight, lifting with your legs rather than bending and heaving; let the person use whatever strength they have. Take a wheelchair down a slope backwards, slowly.",
        ),
      },
    },
    {
      title: o('和失智老人沟通', 'Communicating with People with Dementia'),
      hours: 8,
      body: {
        'zh-CN': md(
          '失智症（比如阿尔茨海默病）会让老人记性越来越差，认不出人、找不到路，情绪和行为也会改变。这是疾病造成的，不是老人故意找麻烦。',
          '',
          '- 从正面慢慢走近，先叫老人的名字，再说自己是谁；',
          '- 说话慢、句子短，一次只说一件事，多用“要不要喝水？”这样简单的问题，少让老人回忆；',
          '- 不争辩、不纠正：老人说“我要回家做饭”，不要说“你记错了”，可以顺着他的心情说：“您惦记着家里人呢，我们先喝口水，再一起想办法。”',
          '- 用手势、照片、老物件和熟悉的歌帮助交流；',
          '- 保持规律的作息和熟悉的环境，减少吵闹。',
          '',
          '老人激动、吵闹时，先保证安全，再找原因：是不是疼了、饿了、要上厕所，或者周围太吵，然后温和地转移他的注意力。给老人随身带上写有联系方式的卡片或防走失手环，防止走失。',
        ),
        en: md(
          "Dementia (such as Alzheimer's disease) makes memory steadily worse; people may not recognise others or find their way, and their mood and behaviour change. This is caused by the illness; the person is not being difficult on purpose.",
          '',
          '- Approach slowly from the front, say their name first, then say who you are;',
          "- speak slowly in short sentences, one thing at a time, with simple questions like 'Would you like some water?' rather than asking them to remember things;",
          "- don't argue or correct: if they say 'I need to go home and cook', do not say 'you've got it wrong'; go along with the feeling instead: 'You're thinking of your family. Let's have some water first and then work it out together.'",
          '- use gestures, photos, familiar objects and songs they know to help communication;',
          '- keep a regular routine and familiar surroundings, and reduce noise.',
          '',
          'When someone becomes agitated or noisy, make sure everyone is safe first, then look for the cause: pain, hunger, needing the toilet, or too much noise around them, and gently redirect their attention. Have them carry a card with contact details or wear an anti-wandering wristband in case they get lost.',
        ),
      },
    },
    {
      title: o('突发情况的应急处理', 'Handling Emergencies'),
      hours: 10,
      body: {
        'zh-CN': md(
          '遇到紧急情况要保持冷静：先确认周围环境安全，再救人，并立即拨打120，通知家属和机构负责人。',
          '',
          '- **跌倒**：不要急着把老人扶起来。先问哪里疼，看能不能动，有没有头痛、呕吐、说话不清、手脚不能动。怀疑骨折或中风时不要搬动，让老人留在原地，拨打120；确认没有明显受伤，再慢慢扶老人起来。',
          '- **噎食**：老人突然说不出话、咳不出声、用手抓脖子，要马上用**海姆立克急救法**：站在老人身后，双手环抱，一只手握拳放在肚脐上方，另一只手包住拳头，快速向里、向上冲击，直到异物吐出来。',
          '- **心脏骤停**：老人没有反应、没有正常呼吸，立即拨打120，开始胸外按压，有AED（自动体外除颤器）的尽快使用。',
          '- **中风信号**：嘴角歪斜、一侧手脚无力、说话不清，记下发病时间，立即拨打120。',
          '',
          '急救技能要在老师指导下反复练习，最好参加红十字会等机构的急救培训。',
        ),
        en: md(
          'Stay calm in an emergency: make sure the surroundings are safe, then help the person, call 120 immediately, and inform the family and the head of the care organisation.',
          '',
          '- **Falls**: do not rush to pull the person up. First ask where it hurts and check whether they can move, and whether they have a headache, vomiting, slurred speech or a limb they cannot move. If you suspect a fracture or stroke, do not move them; keep them where they are and call 120. Only when there is clearly no serious injury, help them up slowly.',
          '- **Choking**: if the person suddenly cannot speak or cough and clutches their throat, use the **Heimlich manoeuvre** at once: stand behind them, put your arms around them, place one fist just above the navel, cover it with your other hand and give quick inward and upward thrusts until the object comes out.',
          '- **Cardiac arrest**: if the person does not respond and is not breathing normally, call 120 immediately, start chest compressions and use an AED (automated external defibrillator) as soon as one is available.',
          '- **Stroke signs**: a drooping mouth, weakness on one side, or slurred speech: note the time it started and call 120 immediately.',
          '',
          'Practise first-aid skills repeatedly under a teacher; ideally also take first-aid training from the Red Cross or a similar organisation.',
        ),
      },
    },
    {
      title: o('保健按摩：非医疗范围内的放松护理', 'Relaxation Massage Within Non-Medical Limits'),
      hours: 8,
      body: {
        'zh-CN': md(
          '养老护理中的保健按摩，是用轻柔的手法帮老人放松肌肉、感觉舒服，**不是治病**。不能对老人或家属说按摩能“治好”高血压、中风后遗症等疾病，也不能代替医生的治疗和康复师的训练。',
          '',
          '按摩前先征得老人同意，了解身体情况。下面这些情况**不要按摩**：',
          '',
          '- 皮肤有破损、感染、皮疹、烫伤的地方；',
          '- 骨折还没长好、关节红肿热痛的地方；',
          '- 老人发烧、刚吃饱饭或者空腹时；',
          '- 腿部肿胀、疼痛，怀疑有血栓的，严禁按摩腿部，要及时告诉家属带老人就医；',
          '- 有出血倾向、严重心脏病，或者医生交代不适合按摩的。',
          '',
          '手法以轻柔的推、揉、按为主，力度以老人觉得舒服为准，边做边问感受。老人感到疼痛、头晕或不舒服，立即停止。骨质疏松的老人骨头脆，千万不能用力按压或扳动关节。',
        ),
        en: md(
          "Relaxation massage in elder care uses gentle techniques to help older people relax their muscles and feel comfortable; **it is not medical treatment**. Never tell an older person or their family that massage can 'cure' high blood pressure, the after-effects of a stroke or any other illness, and it must not replace a doctor's treatment or a therapist's rehabilitation exercises.",
          '',
          "Ask for the person's consent and find out about their health before massaging. **Do not massage** in these situations:",
          '',
          '- areas where the skin is broken, infected, has a rash or is burned;',
          '- over a fracture that has not healed, or a joint that is red, swollen, hot and painful;',
          '- when the person has a fever, has just eaten a full meal, or has an empty stomach;',
          '- a leg that is swollen and painful where a blood clot is suspected: never massage the leg; tell the family promptly so they take the person to a doctor;',
          '- when the person bleeds easily, has serious heart disease, or a doctor has said massage is not suitable.',
          '',
          'Use mainly gentle stroking, kneading and pressing, with pressure the person finds comfortable, asking how it feels as you go. Stop at once if they feel pain, dizziness or discomfort. People with osteoporosis have fragile bones; never press hard or force their joints.',
        ),
      },
    },
  ],
  assessments: [
    {
      kind: 'quiz',
      title: o('测验：养老护理员', 'Quiz: Elder Care Worker'),
      passMark: 60,
      maxAttempts: 3,
      questions: [
        {
          kind: 'single',
          prompt: o('老人在房间里跌倒了，你首先应该：', 'An older person has fallen in their room. What should you do first?'),
          options: [
            o('马上用力把老人扶起来', 'Pull them up straight away'),
            o('让老人自己爬起来', 'Tell them to get up by themselves'),
            o('先把地面收拾干净', 'Clean up the floor first'),
            o(
              '先问和看老人哪里疼、能不能动；怀疑骨折或中风时不要搬动，拨打120',
              'Ask and check where it hurts and whether they can move; if you suspect a fracture or stroke, do not move them and call 120',
            ),
          ],
          correct: [3],
          explanation: o(
            '跌倒后马上扶起，可能加重骨折或脑部损伤。应先评估伤情，怀疑骨折或中风时保持原地，拨打120；确认没有明显受伤，再慢慢协助起身。',
            'Lifting someone straight after a fall can worsen a fracture or brain injury. Assess first; if a fracture or stroke is suspected, keep them where they are and call 120; only when there is clearly no serious injury, help them up slowly.',
          ),
        },
        {
          kind: 'multiple',
          prompt: o(
            '帮老人从床上转移到轮椅上，正确的做法有：（多选）',
            'When helping someone move from bed to wheelchair, which are correct? (Choose all that apply)',
          ),
          options: [
            o('先向老人说明要做什么', 'Explain to the person what you are going to do'),
            o('拉好轮椅刹车', 'Put the wheelchair brakes on'),
            o('弯腰用腰部的力量硬搬', 'Bend over and heave using your back'),
            o('轮椅放在老人身体比较有力的一侧', "Put the wheelchair on the person's stronger side"),
          ],
          correct: [0, 1, 3],
          explanation: o(
            '说明、刹车、放在有力的一侧，能让转移更安全、老人更配合。弯腰硬搬容易伤到护理员的腰，正确方法是屈膝、挺直腰背，用腿部力量。',
            "Explaining, braking and using the stronger side make the transfer safer and help the person cooperate. Heaving with a bent back easily injures the carer's back; bend the knees, keep the back straight and lift with the legs.",
          ),
        },
        {
          kind: 'true_false',
          prompt: o(
            '失智老人说要回家做饭时，应该马上纠正他：“你记错了，家里早就不用你做饭了。”',
            "When a person with dementia says they need to go home and cook, you should correct them at once: 'You've got it wrong, nobody needs you to cook any more.'",
          ),
          options: tf(),
          correct: [FALSE],
          explanation: o(
            '和失智老人争辩、纠正，只会让他更着急、更难过。应该顺着他的心情回应，再温和地转移注意力。',
            'Arguing with or correcting a person with dementia only makes them more anxious and upset. Respond to the feeling behind the words, then gently redirect their attention.',
          ),
        },
        {
          kind: 'single',
          prompt: o(
            '卧床老人预防压疮，一般至少多长时间翻一次身？',
            'To prevent pressure sores, how often should a bedridden person generally be turned, at the least?',
          ),
          options: [o('每2小时', 'Every 2 hours'), o('每天一次', 'Once a day'), o('每周一次', 'Once a week'), o('不用翻身', 'No turning needed')],
          correct: [0],
          explanation: o(
            '长时间压着同一个部位，皮肤和下面的组织缺血，就容易形成压疮。一般至少每2小时翻身一次，并检查骨头突出的部位。',
            'Pressure on the same spot for a long time starves the skin and tissue beneath of blood, causing pressure sores. Turn the person at least every 2 hours as a rule and check the bony areas.',
          ),
        },
        {
          kind: 'multiple',
          prompt: o(
            '以下哪些情况不应该给老人做保健按摩？（多选）',
            'In which of these situations should you NOT give relaxation massage? (Choose all that apply)',
          ),
          options: [
            o('皮肤有破损或感染的部位', 'On skin that is broken or infected'),
            o('腿部肿胀疼痛，怀疑有血栓', 'A swollen, painful leg where a blood clot is suspected'),
            o('老人正在发烧', 'The person has a fever'),
            o('老人身体没有不适，主动要求放松一下肩颈', 'The person feels well and asks for a neck-and-shoulder relaxation massage'),
          ],
          correct: [0, 1, 2],
          explanation: o(
            '皮肤破损感染、怀疑血栓、发烧都是按摩的禁忌：按摩可能加重感染，可能让血栓脱落造成危险。老人身体无不适、主动要求时，可以用轻柔手法帮助放松。',
            'Broken or infected skin, a suspected blood clot and fever all rule out massage: it can spread infection or dislodge a clot with dangerous results. When the person feels well and asks for it, gentle relaxation massage is fine.',
          ),
        },
      ],
    },
    {
      kind: 'practical',
      title: o(
        '实操考核：协助卧床老人翻身和床椅转移，并演示海姆立克急救法',
        'Practical assessment: turning a bedridden person and a bed-to-wheelchair transfer, plus a demonstration of the Heimlich manoeuvre',
      ),
      passMark: 60,
    },
  ],
};

export const vocationalCourses: CatalogCourse[] = [vocHouse, vocElec1, vocElec2, vocBeauty, vocElder];
