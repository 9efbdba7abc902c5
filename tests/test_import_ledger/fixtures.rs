//! The generator of `fixtures/ledgers/`: ledgers in the shapes units keep them, written with
//! rust_xlsxwriter (and encoding_rs for a GB18030 CSV). All text is invented for the tests.
//!
//! `TAIZHANG_UPDATE_FIXTURES=1 cargo test --test cli fixture_ledgers` rewrites the files; without
//! it, a test checks that the committed files are what this generator writes.

use std::path::Path;

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

/// The files, by name, and their bytes.
pub fn all() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("beihu_weijian_2024.xlsx", beihu().expect("beihu")),
        (
            "dongcheng_two_row_header.xlsx",
            dongcheng().expect("dongcheng"),
        ),
        ("nanshan_repeated_rows.csv", nanshan()),
        ("xihe_rollup_gb18030.csv", xihe()),
        ("qiaotou_several_sheets.xlsx", qiaotou().expect("qiaotou")),
    ]
}

pub fn write_all(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, bytes) in all() {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
}

fn workbook() -> Workbook {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2025, 3, 1).unwrap();
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    workbook
}

fn cell() -> Format {
    Format::new()
        .set_font_name("仿宋_GB2312")
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
}

fn date(y: u16, m: u8, d: u8) -> ExcelDateTime {
    ExcelDateTime::from_ymd(y, m, d).unwrap()
}

/// Writes rows of text from (row, col); empty strings are left blank.
fn rows(ws: &mut Worksheet, first_row: u32, rows: &[&[&str]], f: &Format) -> Result<(), XlsxError> {
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string_with_format(first_row + r as u32, c as u16, *text, f)?;
            }
        }
    }
    Ok(())
}

/// The official 13 columns, a merged title, problems merged over their measures, Excel dates.
fn beihu() -> Result<Vec<u8>, XlsxError> {
    let mut wb = workbook();
    let ws = wb.add_worksheet();
    ws.set_name("整改台账")?;
    let f = cell();
    let title = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    ws.merge_range(0, 0, 0, 12, "北湖区卫生健康局2024年度问题整改台账", &title)?;
    rows(
        ws,
        1,
        &[&[
            "序号",
            "问题来源",
            "问题描述",
            "整改措施",
            "责任领导",
            "牵头部门",
            "配合部门",
            "责任人",
            "整改时限",
            "整改进展",
            "完成情况",
            "佐证材料",
            "备注",
        ]],
        &f,
    )?;
    // Problem 1 over rows 3-4, problem 2 over rows 5-6, problem 3 on row 7 (1-based).
    for (first, last, seq, problem) in [
        (
            2,
            3,
            "1",
            "基层医疗机构绩效考核结果运用不充分，考核与补助资金分配脱节",
        ),
        (
            4,
            5,
            "2",
            "家庭医生签约服务重签约、轻履约，履约情况缺少跟踪",
        ),
    ] {
        ws.merge_range(first, 0, last, 0, seq, &f)?;
        ws.merge_range(first, 1, last, 1, "2024年度工作总结", &f)?;
        ws.merge_range(first, 2, last, 2, problem, &f)?;
    }
    rows(
        ws,
        6,
        &[&["3", "2024年度工作总结", "公立医院药品采购监管存在薄弱环节"]],
        &f,
    )?;
    rows(
        ws,
        2,
        &[
            &[
                "",
                "",
                "",
                "完善考核办法。修订基层医疗机构绩效考核办法，将考核结果与补助资金挂钩",
                "吴副局长",
                "医政科",
                "财务科、基层卫生科",
                "周敏",
                "",
                "2025-05-20 新办法已印发",
                "已完成",
                "北卫发〔2025〕12号\n考核办法印发通知.pdf",
                "",
            ],
            &[
                "",
                "",
                "",
                "每半年通报一次考核排名",
                "",
                "医政科",
                "",
                "",
                "长期坚持",
                "",
                "长期坚持",
                "",
                "",
            ],
            &[
                "",
                "",
                "",
                "开展签约居民回访，每季度抽查履约记录不少于200份",
                "",
                "基层卫生科",
                "",
                "何平",
                "2025年9月底前",
                "已完成第一、二季度抽查",
                "正在推进",
                "",
                "",
            ],
            &[
                "",
                "",
                "",
                "将家庭医生履约率纳入年度考核",
                "",
                "基层卫生科",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "",
                "",
                "",
                "对辖区公立医院药品采购开展专项检查",
                "吴副局长",
                "药政科",
                "",
                "",
                "立行立改",
                "",
                "已完成",
                "检查通报",
                "",
            ],
        ],
        &f,
    )?;
    ws.write_datetime_with_format(
        2,
        8,
        date(2025, 6, 30),
        &f.clone().set_num_format("yyyy-mm-dd"),
    )?;
    ws.write_datetime_with_format(
        5,
        8,
        date(2025, 12, 31),
        &f.clone().set_num_format("yyyy年m月d日"),
    )?;
    ws.set_freeze_panes(2, 0)?;
    wb.save_to_buffer()
}

/// A notice line and a 填报单位 line above a two-row header, status words inside sentences,
/// written deadlines, an unreadable deadline and a signature line merged across the sheet.
fn dongcheng() -> Result<Vec<u8>, XlsxError> {
    let mut wb = workbook();
    let ws = wb.add_worksheet();
    ws.set_name("Sheet1")?;
    let f = cell();
    rows(ws, 0, &[&["附件2"]], &Format::new())?;
    ws.merge_range(
        1,
        0,
        1,
        8,
        "东城街道2024年度民主生活会查摆问题整改清单",
        &Format::new().set_bold(),
    )?;
    ws.merge_range(
        2,
        0,
        2,
        8,
        "填报单位：东城街道办事处（盖章）      填报日期：2025年2月10日",
        &Format::new(),
    )?;
    for (col, name) in [
        (0, "编号"),
        (1, "存在问题"),
        (2, "整改举措"),
        (6, "完成时限"),
        (7, "整改情况"),
        (8, "备注"),
    ] {
        ws.merge_range(3, col, 4, col, name, &f)?;
    }
    ws.merge_range(3, 3, 3, 5, "责任主体", &f)?;
    rows(
        ws,
        4,
        &[&["", "", "", "责任领导", "责任单位", "具体责任人"]],
        &f,
    )?;
    ws.merge_range(5, 0, 7, 0, "一", &f)?;
    ws.merge_range(
        5,
        1,
        7,
        1,
        "老旧小区消防通道占用问题反复出现，日常巡查不到位",
        &f,
    )?;
    ws.merge_range(8, 0, 9, 0, "二", &f)?;
    ws.merge_range(8, 1, 9, 1, "为民办事流程偏长，部分事项群众仍需多次跑腿", &f)?;
    rows(
        ws,
        5,
        &[
            &[
                "",
                "",
                "建立网格员每日巡查制度",
                "孙主任",
                "城管办",
                "马骏",
                "2025年6月底前",
                "已整改。辖区12个老旧小区已全部纳入网格巡查",
                "",
            ],
            &[
                "",
                "",
                "联合消防救援站开展集中清理",
                "孙主任",
                "城管办",
                "",
                "立行立改",
                "已完成",
                "",
            ],
            &[
                "",
                "",
                "推动加装智能监测设备",
                "孙主任",
                "城管办",
                "",
                "2025年底前",
                "持续整改，已完成5个小区设备安装",
                "",
            ],
            &[
                "",
                "",
                "梳理可当场办结事项清单并公开",
                "钱副主任",
                "便民服务中心",
                "林晓",
                "六月中旬",
                "已完成",
                "时限待定",
            ],
            &[
                "",
                "",
                "推行一窗通办，压缩办理时限",
                "钱副主任",
                "便民服务中心",
                "林晓",
                "长期坚持",
                "未完成，原因是系统对接尚未完成",
                "",
            ],
        ],
        &f,
    )?;
    ws.merge_range(11, 0, 11, 8, "填表人：刘畅    审核人：郑伟", &Format::new())?;
    wb.save_to_buffer()
}

/// No title, the problem repeated on each of its rows or left blank below, short status words.
fn nanshan() -> Vec<u8> {
    let text = "\u{feff}序号,问题表现,具体措施,牵头部门,配合单位,责任人,时限,进展情况,状态\n\
1,课后服务内容单一，学生参与积极性不高,增设科技、体育类课后服务课程,基础教育科,各中小学,赵磊,2024-06-30,已在8所学校试点,完成\n\
1,课后服务内容单一，学生参与积极性不高,每学期开展一次课后服务满意度调查,基础教育科,,,长期坚持,,长期坚持\n\
2,校园食堂食品安全管理制度执行不严,开展食堂食品安全专项督查,安全稳定科,县市场监管局,,2024/9/30,已督查15所学校,正在推进\n\
,,建立食堂负责人陪餐记录抽查制度,安全稳定科,,,2024年12月31日,,未完成\n\
3,教师培训针对性不强,按学科需求制定分层培训计划,教师发展中心,,钱芳,,,\n";
    text.as_bytes().to_vec()
}

/// A roll-up ledger of two units with 单位 and 年度 columns, saved by Excel as GB18030.
fn xihe() -> Vec<u8> {
    let text = "单位,年度,问题清单,任务清单,责任部门,完成时限,完成情况\r\n\
西河镇人民政府,2023,村级财务公开不及时,每季度首月10日前完成上季度村务财务公开,经管站,2024年3月底前,已整改\r\n\
西河镇人民政府,2023,村级财务公开不及时,将公开情况纳入村干部考核,经管站,长期坚持,整改中\r\n\
西河镇卫生院,2023,医疗废物暂存点管理不规范,改造医疗废物暂存间,后勤科,2024年上半年,已撤销\r\n";
    let (bytes, _, bad) = encoding_rs::GB18030.encode(text);
    assert!(!bad, "the GB18030 fixture is encodable");
    bytes.into_owned()
}

/// An instructions sheet first, then the ledger, then an empty sheet with only a header.
fn qiaotou() -> Result<Vec<u8>, XlsxError> {
    let mut wb = workbook();
    let f = cell();
    let notes = wb.add_worksheet();
    notes.set_name("填表说明")?;
    rows(
        notes,
        0,
        &[
            &["填表说明"],
            &["一、问题按查摆顺序逐条填写。"],
            &["二、完成情况请从下拉列表中选择。"],
        ],
        &Format::new(),
    )?;
    let ledger = wb.add_worksheet();
    ledger.set_name("2023年度")?;
    rows(
        ledger,
        0,
        &[
            &["桥头镇2023年度问题整改台账"],
            &["序号", "问题", "措施", "责任人", "整改期限", "是否完成"],
            &[
                "1",
                "农村人居环境整治长效机制不健全",
                "制定村庄保洁考核细则",
                "冯涛",
                "2024-05-31",
                "是",
            ],
            &[
                "2",
                "信访积案化解进度偏慢",
                "领导包案，逐件明确化解时限",
                "韩梅",
                "2024年第三季度",
                "否",
            ],
        ],
        &f,
    )?;
    let empty = wb.add_worksheet();
    empty.set_name("空表")?;
    rows(
        empty,
        0,
        &[&["序号", "问题描述", "整改措施", "完成情况"]],
        &f,
    )?;
    wb.save_to_buffer()
}
