//! Made-up names: units (青禾区教育局, 东山县市场监督管理局) and the places, facilities and
//! troubles that make up a unit's own, unshared problems.

use std::collections::HashSet;

use super::rng::Rng;
use super::wording::number;

const PLACE_FIRST: &[&str] = &[
    "青", "东", "西", "南", "北", "临", "安", "永", "清", "宁", "平", "长", "新", "兴", "云", "龙",
    "凤", "金", "玉", "白", "红", "石", "桂", "松", "柳", "梅", "河", "湖", "山", "江", "泉", "华",
    "嘉", "瑞", "丰", "和", "福", "太", "万", "德",
];
const PLACE_SECOND: &[&str] = &[
    "禾", "山", "江", "阳", "川", "源", "林", "溪", "岭", "浦", "宁", "安", "城", "州", "丘", "塘",
    "桥", "坪", "湾", "洲", "水", "田", "峰", "谷", "原", "屏", "台", "昌", "平", "远", "华", "乡",
    "海", "泽", "沙", "湘", "陵", "岗", "冈", "都",
];
const LEVELS: &[&str] = &["区", "县", "市", "镇"];
const DEPARTMENTS: &[&str] = &[
    "教育局",
    "财政局",
    "市场监督管理局",
    "卫生健康委员会",
    "自然资源局",
    "生态环境局",
    "交通运输局",
    "农业农村局",
    "民政局",
    "司法局",
    "人力资源和社会保障局",
    "住房和城乡建设局",
    "水利局",
    "应急管理局",
    "文化和旅游局",
    "统计局",
    "医疗保障局",
    "退役军人事务局",
    "审计局",
    "商务局",
    "发展和改革委员会",
    "科学技术局",
    "工业和信息化局",
    "林业局",
    "城市管理局",
    "档案馆",
    "机关事务管理局",
    "信访局",
    "行政审批局",
    "数据资源管理局",
    "体育局",
    "融媒体中心",
    "总工会",
    "妇女联合会",
    "委组织部",
    "委宣传部",
    "委统战部",
    "委政法委员会",
    "人民法院",
    "人民检察院",
    "供销合作社",
    "气象局",
    "粮食和物资储备局",
    "乡村振兴局",
    "国有资产监督管理委员会",
];

const SITES: &[&str] = &[
    "村",
    "社区",
    "路",
    "街",
    "小区",
    "中学",
    "小学",
    "卫生院",
    "水库",
    "农贸市场",
    "工业园",
    "公园",
    "广场",
    "敬老院",
    "幼儿园",
    "客运站",
];
const FACILITIES: &[&str] = &[
    "排水管网",
    "路灯",
    "公共厕所",
    "停车场",
    "职工食堂",
    "档案室",
    "会议室",
    "办公楼外墙",
    "电梯",
    "消防通道",
    "监控探头",
    "污水处理站",
    "垃圾中转站",
    "文化广场",
    "健身步道",
    "充电桩",
    "供水管道",
    "桥梁护栏",
    "堤防",
    "灌溉渠",
    "机耕路",
    "村级活动场所",
    "便民服务中心",
    "视频会议系统",
    "门户网站",
    "办公电脑",
    "执法车辆",
    "物资仓库",
    "标准化考场",
    "学生宿舍",
    "病房楼",
    "检测实验室",
    "门禁系统",
    "空调机组",
    "屋顶光伏",
    "护坡挡墙",
    "公交站亭",
    "电子显示屏",
    "档案数字化设备",
    "人行天桥",
    "冷链仓储中心",
    "农产品交易棚",
    "避难场所",
    "防汛物资库",
    "应急广播",
    "自来水厂",
    "二次供水泵房",
    "雨水泵站",
    "河道闸门",
    "山塘",
    "提灌站",
    "沼气池",
    "养殖废弃物处理点",
    "乡镇敬老院",
    "日间照料中心",
    "社区食堂",
    "老年大学教室",
    "图书馆分馆",
    "体育馆看台",
    "游泳池",
    "足球场草皮",
    "塑胶跑道",
    "学校围墙",
    "校车",
    "食堂后厨",
    "实验室通风柜",
    "发热门诊",
    "救护车",
    "药品库房",
    "污水收集池",
    "垃圾填埋场渗滤液处理设施",
    "公墓",
    "殡仪馆",
    "收费站",
    "治超站",
    "渡口",
    "码头",
    "客运班线站点",
    "汽车站候车厅",
    "地下管廊",
    "燃气调压站",
    "变电箱",
    "通信基站",
    "政务大厅排队叫号系统",
    "自助服务终端",
    "机房",
    "服务器",
    "数据备份系统",
    "网络防火墙",
    "值班室",
    "信访接待室",
    "调解室",
    "法庭审判区",
    "羁押场所",
    "检察服务大厅",
    "气象观测站",
    "粮库",
    "烘干中心",
    "林区防火瞭望塔",
    "护林检查站",
    "苗圃",
    "湿地公园栈道",
];
const WORKS: &[&str] = &[
    "改造", "维修", "建设", "更换", "提升", "运维", "招标", "验收", "搬迁", "升级", "清理", "加固",
    "巡检", "安装", "移交",
];
/// What about a facility goes wrong; with the facility, it makes the kind of a local problem.
const ASPECTS: &[&str] = &[
    "租赁合同",
    "建设资金",
    "竣工验收",
    "施工工期",
    "工程质量",
    "日常维护",
    "项目档案",
    "安全防护",
    "用地审批",
    "费用结算",
    "运行管理",
    "设备采购",
    "产权移交",
    "消防设施",
    "保洁服务",
    "监理工作",
];
/// How it goes wrong: any of these may follow any aspect.
const MISHAPS: &[&str] = &[
    "存在漏洞",
    "不够规范",
    "明显滞后",
    "资料缺失",
    "落实不到位",
    "费用偏高",
    "管理混乱",
    "责任未落实",
    "手续不完善",
    "一再拖延",
    "把关不严",
    "权责不清",
];
const SPECIFICS: &[&str] = &[
    "涉及金额{n}万元",
    "已拖延{n}个月",
    "涉及{n}户群众",
    "共{n}处",
    "接到投诉{n}起",
];

/// Unit names for `count` units, all different, in a random order.
pub(super) fn unit_names(rng: &mut Rng, count: usize) -> Vec<String> {
    let capacity = PLACE_FIRST.len() * PLACE_SECOND.len() * LEVELS.len() * DEPARTMENTS.len();
    assert!(
        count <= capacity / 2,
        "the generator names at most {} units",
        capacity / 2
    );
    let mut seen = HashSet::with_capacity(count);
    let mut names = Vec::with_capacity(count);
    while names.len() < count {
        let name = format!("{}{}", place(rng), rng.pick(DEPARTMENTS));
        if seen.insert(name.clone()) {
            names.push(name);
        }
    }
    names
}

fn place(rng: &mut Rng) -> String {
    let (first, second) = (rng.pick(PLACE_FIRST), rng.pick(PLACE_SECOND));
    format!("{first}{second}{}", rng.pick(LEVELS))
}

/// How many different unshared problems there are (facility × aspect); the generator labels
/// each by its index in `0..LOCAL_KINDS`.
pub(super) const LOCAL_KINDS: usize = FACILITIES.len() * ASPECTS.len();

/// The text of an unshared problem of kind `kind` (see [`LOCAL_KINDS`]) at a made-up site: the
/// work and the mishap vary freely, the facility and the aspect make the kind.
pub(super) fn local_problem(rng: &mut Rng, kind: usize) -> String {
    let facility = FACILITIES[kind % FACILITIES.len()];
    let aspect = ASPECTS[kind / FACILITIES.len()];
    let work = rng.pick(WORKS);
    let mishap = rng.pick(MISHAPS);
    let site = format!(
        "{}{}{}",
        rng.pick(PLACE_FIRST),
        rng.pick(PLACE_SECOND),
        rng.pick(SITES)
    );
    let mut text = match rng.below(3) {
        0 => format!("{site}{facility}{work}项目{aspect}{mishap}"),
        1 => format!("{facility}{work}{aspect}{mishap}，主要是{site}点位"),
        _ => format!("{site}{facility}{work}工作中{aspect}{mishap}"),
    };
    if rng.chance(0.6) {
        let n = 2 + rng.below(60);
        text.push('，');
        text.push_str(&rng.pick(SPECIFICS).replace("{n}", &number(rng, n)));
    }
    if rng.chance(0.5) {
        text.push('。');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_names_are_distinct_and_read_like_bureaus() {
        let names = unit_names(&mut Rng::new(5), 2000);
        let distinct: HashSet<&String> = names.iter().collect();
        assert_eq!(distinct.len(), 2000);
        assert!(names
            .iter()
            .all(|n| LEVELS.iter().any(|l| n.chars().nth(2) == l.chars().next())));
    }

    #[test]
    fn every_local_kind_has_its_own_facility_and_aspect() {
        let mut rng = Rng::new(9);
        let last = local_problem(&mut rng, LOCAL_KINDS - 1);
        assert!(last.contains(FACILITIES[FACILITIES.len() - 1]), "{last}");
        assert!(last.contains(ASPECTS[ASPECTS.len() - 1]), "{last}");
    }
}
