//! What the demo disputes are about: for each national type and each local sub-type,
//! how often it comes up, whether it is a village or a town matter, and a few plausible
//! accounts of facts and claims with slots ({a} applicant, {b} respondent, {place},
//! {amount} 元, {when}, {n}, {year}, {road}) that the generator fills in.

use super::orgs::OrgKind;
use crate::domain::category::Category;

/// Who the other side is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Other {
    /// A neighbour, a debtor, a driver …
    Person,
    /// The applicant's grown son (support of the elderly, 赡养).
    Child,
    /// The applicant's brother (inheritance).
    Sibling,
    /// The applicant's spouse.
    Spouse,
    /// An organisation of this kind.
    Org(OrgKind),
}

/// Where a story can happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Setting {
    /// Town or village, as the topic's share says.
    Any,
    /// Flats, compounds, heating: only in town.
    Town,
    /// Yards, fields, village roads: only in a village.
    Village,
}

/// One account of a dispute.
#[derive(Debug)]
pub(super) struct Story {
    pub facts: &'static str,
    pub claims: &'static str,
    /// Range of the amount at stake in yuan, if money is claimed.
    pub amount: Option<(u32, u32)>,
    pub other: Other,
    /// Many people on the applicant's side ({n} of them).
    pub group: bool,
    pub setting: Setting,
}

impl Story {
    const fn town(self) -> Story {
        Story {
            setting: Setting::Town,
            ..self
        }
    }

    const fn village(self) -> Story {
        Story {
            setting: Setting::Village,
            ..self
        }
    }
}

/// A kind of dispute as the room files it.
#[derive(Debug)]
pub(super) struct Topic {
    pub national: Category,
    /// The local sub-type's name, if the room files it under one.
    pub local: Option<&'static str>,
    /// Relative frequency.
    pub weight: u32,
    /// Percent of cases from villages rather than town compounds.
    pub rural: u32,
    pub stories: &'static [Story],
}

const fn story(
    facts: &'static str,
    claims: &'static str,
    amount: Option<(u32, u32)>,
    other: Other,
) -> Story {
    Story {
        facts,
        claims,
        amount,
        other,
        group: false,
        setting: Setting::Any,
    }
}

const fn group(
    facts: &'static str,
    claims: &'static str,
    amount: Option<(u32, u32)>,
    other: Other,
) -> Story {
    Story {
        facts,
        claims,
        amount,
        other,
        group: true,
        setting: Setting::Any,
    }
}

use Other::{Child, Org, Person, Sibling, Spouse};

pub(super) const TOPICS: &[Topic] = &[
    Topic { national: Category::Neighbour, local: None, weight: 18, rural: 30, stories: &[
        story("{a}与{b}系{place}上下楼邻居。{b}家卫生间防水层老化，自{when}起多次向楼下{a}家渗水，致{a}家卫生间吊顶及墙面发霉脱落。{a}多次找{b}协商维修未果，双方为此发生争吵。",
            "要求{b}修复防水层，并赔偿吊顶、墙面维修费用{amount}元。", Some((800, 6000)), Person).town(),
        story("{a}反映，{place}邻居{b}家中经常在夜间打麻将、大声播放音乐，噪音影响其家人休息。{a}多次敲门劝说无果，双方曾发生推搡。",
            "要求{b}每晚22时后停止产生噪音，并赔礼道歉。", None, Person).town(),
        story("{a}与{b}系{place}对门邻居。{b}在楼道内长期堆放杂物、停放电动车并私拉电线充电，{a}认为存在消防隐患且影响通行，双方多次口角。",
            "要求{b}清理楼道杂物，不在楼道内给电动车充电。", None, Person).town(),
        story("{a}与{b}系{place}前后院邻居。{b}在两家之间的公共通道上堆放柴草和农机具，{a}家车辆无法通行，双方多次发生口角。",
            "要求{b}清理公共通道，保持通行。", None, Person).village(),
    ] },
    Topic { national: Category::Marriage, local: None, weight: 14, rural: 40, stories: &[
        story("{a}与{b}于{year}年登记结婚，婚后育有一子。近年来双方因家庭琐事经常争吵，{b}长期在外务工很少回家。{a}提出离婚，双方对孩子抚养及共同财产分割意见不一。",
            "要求与{b}协议离婚，孩子由{a}抚养，{b}每月支付抚养费{amount}元。", Some((800, 2000)), Spouse),
        story("{a}年事已高，育有子女三人，{b}为其长子。{a}称自{when}起{b}未再支付赡养费，也很少探望，{a}生活困难，多次要求未果。",
            "要求{b}按月支付赡养费{amount}元，并定期探望老人。", Some((500, 1500)), Child),
        story("{a}与{b}系同胞手足。父母去世后在{place}留有住房一处，双方对房屋继承分割产生争议，多次争吵，关系紧张。",
            "要求依法分割父母遗留房屋，或由{b}给付补偿款{amount}元。", Some((30000, 150000)), Sibling),
    ] },
    Topic { national: Category::Housing, local: None, weight: 8, rural: 70, stories: &[
        story("{a}与{b}系{place}相邻住户。{b}于{when}翻建房屋时，将院墙向{a}一侧推进约{n}0厘米，{a}认为侵占其宅基地，要求恢复原状，{b}不同意，双方发生争执。",
            "要求{b}拆除越界院墙，恢复宅基地原有边界。", None, Person).village(),
        story("{a}于{when}从{b}处购买{place}二手住房一套，已付清房款{amount}元，但{b}以房价上涨为由迟迟不配合办理过户手续。",
            "要求{b}配合办理房屋过户登记手续。", Some((150000, 600000)), Person).town(),
        story("{b}在自家房屋后侧新建彩钢房，屋檐排水直接流入{a}院内，雨季时院内积水，{a}家房屋墙根受潮开裂。",
            "要求{b}改建排水设施，并赔偿墙体修缮费用{amount}元。", Some((1000, 5000)), Person).village(),
    ] },
    Topic { national: Category::Contract, local: None, weight: 8, rural: 30, stories: &[
        story("{a}于{when}为{b}家进行室内装修，双方口头约定工程款。完工后{b}以装修质量存在问题为由拒付尾款{amount}元，{a}多次催要未果。",
            "要求{b}支付剩余装修款{amount}元。", Some((3000, 40000)), Person),
        story("{b}于{when}向{a}借款{amount}元，约定{n}个月内归还，并出具借条。借款到期后{b}以资金周转困难为由拖延还款，{a}多次催要未果。",
            "要求{b}归还借款{amount}元。", Some((5000, 200000)), Person),
        story("{a}将自家农用拖拉机出租给{b}使用，约定租金{amount}元。使用期间拖拉机发生故障，{b}拒绝承担维修费用，并以此为由拖欠租金。",
            "要求{b}支付租金{amount}元并承担维修费用。", Some((2000, 12000)), Person),
    ] },
    Topic { national: Category::Contract, local: Some("金融"), weight: 3, rural: 20, stories: &[
        story("{a}于{when}在{b}办理个人消费贷款，后因家庭变故无力按期还款。{b}委托的催收人员多次电话催收并联系{a}亲友，{a}认为催收方式不当，双方产生纠纷。",
            "要求{b}停止不当催收，协商分期偿还剩余欠款{amount}元。", Some((20000, 100000)), Org(OrgKind::Finance)),
        story("{a}为亲戚在{b}的贷款提供担保，借款人逾期未还，{b}要求{a}承担担保责任，偿还欠款{amount}元。{a}认为签字时对方未说明担保责任，拒绝还款。",
            "要求{b}先向借款人追偿，减免{a}的担保责任。", Some((30000, 200000)), Org(OrgKind::Finance)),
        story("{a}经业务员介绍，于{when}通过{b}购买理财产品{amount}元，到期后未能按约定兑付本息，{a}多次到营业场所交涉未果。",
            "要求{b}返还本金{amount}元及约定收益。", Some((10000, 300000)), Org(OrgKind::Finance)),
    ] },
    Topic { national: Category::Business, local: None, weight: 3, rural: 50, stories: &[
        story("{a}与{b}于{year}年合伙在{place}附近经营一家饭店，约定按出资比例分配利润。经营{n}年后因经营理念不同决定散伙，双方对合伙期间账目及设备分配产生争议。",
            "要求对合伙账目进行清算，{b}返还出资款{amount}元。", Some((20000, 150000)), Person),
        story("{a}种植的{n}0亩向日葵由{b}统一收购，双方事先约定了收购价格。收购时{b}以籽粒不饱满为由压低价格，{a}不同意，双方产生纠纷。",
            "要求{b}按约定价格收购，或补足差价{amount}元。", Some((5000, 60000)), Org(OrgKind::Buyer)).village(),
        story("{a}承包{b}的养殖场经营，约定每年承包费{amount}元。因饲料价格上涨经营亏损，{a}要求减免当年承包费，{b}不同意。",
            "要求{b}减免当年承包费的一半。", Some((20000, 80000)), Org(OrgKind::Cooperative)).village(),
    ] },
    Topic { national: Category::Damages, local: None, weight: 8, rural: 40, stories: &[
        story("{b}饲养的狗未拴绳，于{when}在{place}将{a}咬伤。{a}前往医院注射狂犬疫苗并治疗，花费医疗费等{amount}元，双方就赔偿数额产生分歧。",
            "要求{b}赔偿医疗费、误工费共计{amount}元。", Some((1500, 8000)), Person),
        story("{b}在{place}附近施工时，挖掘机不慎挖断{a}家的自来水管和电缆，致{a}家停水停电{n}天，双方就赔偿数额协商不成。",
            "要求{b}修复管线，并赔偿损失{amount}元。", Some((1000, 6000)), Person),
        story("{a}与{b}因琐事发生口角后互相推搡，{a}摔倒致左手腕骨折，住院治疗花费医疗费{amount}元。公安机关已出警处理，双方对民事赔偿部分产生争议。",
            "要求{b}赔偿医疗费、护理费、误工费共计{amount}元。", Some((8000, 30000)), Person),
    ] },
    Topic { national: Category::Land, local: None, weight: 3, rural: 100, stories: &[
        story("{a}与{b}系同村村民，双方承包地相邻。{b}在春耕时多翻耕了{a}地边约{n}米宽的土地，{a}认为侵占了其承包地，双方多次争吵。",
            "要求{b}退还多耕种的土地，按二轮承包合同确定地界。", None, Person),
        story("{a}将{n}0亩承包地流转给{b}耕种，约定每年年底支付流转费。{b}以当年收成不好为由拖欠流转费{amount}元。",
            "要求{b}支付拖欠的土地流转费{amount}元。", Some((6000, 40000)), Person),
        story("{a}与{b}因农田灌溉轮灌顺序发生争执。{b}在{a}浇地期间私自截水浇灌自家地块，致{a}家{n}亩玉米未能及时浇水而减产。",
            "要求{b}赔偿减产损失{amount}元。", Some((2000, 15000)), Person),
    ] },
    Topic { national: Category::Demolition, local: None, weight: 2, rural: 80, stories: &[
        story("{place}部分土地被征收，{a}系该村村民，因户口迁出多年，{b}未将其列入征地补偿款分配名单。{a}认为其仍享有集体经济组织成员资格。",
            "要求{b}将{a}列入分配名单，分配补偿款{amount}元。", Some((20000, 90000)), Org(OrgKind::Village)).village(),
        story("{a}的房屋在棚户区改造范围内，对安置房楼层及面积差价结算与{b}存在分歧，迟迟未签订安置协议。",
            "要求{b}调整安置房楼层，差价按{amount}元结算。", Some((10000, 60000)), Org(OrgKind::Developer)).town(),
    ] },
    Topic { national: Category::Environment, local: None, weight: 2, rural: 70, stories: &[
        group("{b}在{place}附近经营养殖场，粪污露天堆放，气味刺鼻，夏季蚊蝇滋生。{a}等{n}户居民多次反映，问题未得到解决。",
            "要求{b}规范处理粪污，消除异味影响。", None, Org(OrgKind::Cooperative)).village(),
        story("{b}在{a}家楼下开设饭店，排烟管道直接对着{a}家窗户，油烟和空调外机噪音严重影响{a}一家生活。",
            "要求{b}加装油烟净化设备并改造排烟管道。", None, Org(OrgKind::Employer)).town(),
    ] },
    Topic { national: Category::Labour, local: None, weight: 7, rural: 40, stories: &[
        group("{a}等{n}人在{b}承建的住宅项目务工，工程完工后{b}以开发商未付工程款为由拖欠工资共计{amount}元，{a}等人多次讨要未果。",
            "要求{b}支付拖欠的工资{amount}元。", Some((30000, 300000)), Org(OrgKind::Builder)),
        story("{a}在{b}从事服务员工作{n}个月，离职时{b}以其未提前一个月提出辞职为由，扣发最后一个月工资{amount}元。",
            "要求{b}支付被扣发的工资{amount}元。", Some((2500, 4500)), Org(OrgKind::Employer)),
        story("{a}在{b}务工期间搬运货物时不慎摔伤腰部，{b}未为其缴纳工伤保险，双方就医疗费及误工费的承担产生争议。",
            "要求{b}承担医疗费、误工费共计{amount}元。", Some((5000, 40000)), Org(OrgKind::Employer)),
    ] },
    Topic { national: Category::Consumer, local: None, weight: 4, rural: 20, stories: &[
        story("{a}于{when}在{b}购买冰箱一台，使用不到三个月即出现不制冷的问题，经{n}次维修仍未解决。{a}要求退货，{b}只同意再次维修。",
            "要求{b}退货并退还货款{amount}元。", Some((2000, 6000)), Org(OrgKind::Shop)),
        story("{a}在{b}办理健身年卡，花费{amount}元，后该店以装修为由停业{n}个月，{a}要求退还剩余费用，{b}拒绝。",
            "要求{b}按未使用月数退还会员费。", Some((1200, 4000)), Org(OrgKind::Shop)),
        story("{a}于{when}在{b}购买二手轿车一辆，使用后发现系事故车，{b}在销售时未如实告知。",
            "要求{b}退车并退还购车款{amount}元。", Some((30000, 120000)), Org(OrgKind::Shop)),
    ] },
    Topic { national: Category::Medical, local: None, weight: 2, rural: 30, stories: &[
        story("{a}于{when}在{b}做白内障手术，术后视力未见好转并出现眼部感染，{a}认为医院存在过错，双方就赔偿协商未果。",
            "要求{b}赔偿医疗费、护理费等共计{amount}元。", Some((10000, 60000)), Org(OrgKind::Clinic)),
        story("{a}在{b}拔牙后出现持续出血和感染，再次就医花费{amount}元，{a}认为诊所操作不当。",
            "要求{b}退还治疗费用并赔偿再次就医费用{amount}元。", Some((1000, 8000)), Org(OrgKind::Clinic)),
    ] },
    Topic { national: Category::Traffic, local: None, weight: 6, rural: 30, stories: &[
        story("{when}，{b}驾驶小型轿车在{road}与{a}驾驶的电动自行车相撞，致{a}受伤、车辆受损。经交警部门认定，{b}负事故主要责任。{a}住院治疗，双方就赔偿事宜协商未果。",
            "要求{b}赔偿医疗费、误工费、护理费等共计{amount}元。", Some((5000, 80000)), Person),
        story("{b}驾驶货车在{road}倒车时撞坏{a}停放在路边的轿车，交警认定{b}负全部责任，双方对车辆维修费用及贬值损失有争议。",
            "要求{b}赔偿车辆维修费及贬值损失{amount}元。", Some((3000, 20000)), Person),
        story("{a}驾驶三轮车与{b}驾驶的摩托车在{place}村道会车时发生刮擦，双方均轻微受伤，对事故责任和损失分担各执一词。",
            "要求{b}承担一半损失，计{amount}元。", Some((1000, 6000)), Person).village(),
    ] },
    Topic { national: Category::Property, local: None, weight: 8, rural: 0, stories: &[
        story("{a}系{place}业主，因小区电梯经常故障、楼道卫生差，认为{b}服务不到位，拒绝缴纳{n}年物业费共计{amount}元。{b}多次催缴并张贴催缴通知，双方发生争执。",
            "要求{b}改进服务、维修电梯，物业费按实际服务情况减免。", Some((1500, 5000)), Org(OrgKind::Property)),
        story("{a}停放在{place}地面车位的轿车被高空坠落的外墙砖砸坏，{a}认为{b}未尽到管理维护义务。",
            "要求{b}赔偿车辆维修费用{amount}元。", Some((2000, 15000)), Org(OrgKind::Property)),
        group("{place}地下室多次被水淹，{a}等{n}户业主存放的物品受损，认为{b}对排水设施维护不及时。",
            "要求{b}修复排水设施，赔偿业主损失共计{amount}元。", Some((10000, 60000)), Org(OrgKind::Property)),
    ] },
    Topic { national: Category::Property, local: Some("供热"), weight: 5, rural: 0, stories: &[
        story("{a}系{place}住户，入冬以来家中室内温度长期在15℃左右，低于供热标准，多次向{b}反映，{b}上门测温后仍未解决。",
            "要求{b}整改供热设施，并退还部分采暖费{amount}元。", Some((500, 2000)), Org(OrgKind::Heating)),
        story("{a}因长期在外居住，申请对{place}的住房停止供热，{b}要求其缴纳基本热费{amount}元，{a}不同意，双方产生纠纷。",
            "要求{b}免收停暖期间的基本热费。", Some((400, 1500)), Org(OrgKind::Heating)),
        story("{b}家暖气管道在供热期间突然爆裂，热水漏至楼下{a}家，造成{a}家地板、家具受损。双方对由谁承担赔偿责任存在争议，供热公司称管道属业主自有部分。",
            "要求{b}赔偿地板、家具损失{amount}元。", Some((3000, 15000)), Person),
    ] },
    Topic { national: Category::Other, local: None, weight: 1, rural: 50, stories: &[
        story("{a}与{b}系同事，{b}在微信群中发布涉及{a}个人隐私的言论，{a}认为其名誉受损，双方发生矛盾。",
            "要求{b}删除相关言论，并在群内公开赔礼道歉。", None, Person),
        story("{a}与{b}两家因祖坟位置及祭扫通道问题发生争执，双方家族成员多次发生口角。",
            "要求{b}让出祭扫通道，不得在坟地周边耕种。", None, Person).village(),
    ] },
];

/// Heating disputes happen in the heating season (mid-October to mid-April in Linhe).
pub(super) fn in_season(topic: &Topic, month: u32) -> bool {
    topic.local != Some("供热") || !(5..=9).contains(&month)
}
