use super::*;

fn summary() -> Summary {
    Summary {
        file: "甲局2023年度工作总结.txt".to_string(),
        unit: Some("甲局".to_string()),
        year: Some(2023),
        problems: vec![
            crate::import::Problem {
                text: "学习不深入".to_string(),
                position: 0,
            },
            crate::import::Problem {
                text: "制度执行不严".to_string(),
                position: 0,
            },
        ],
        measures: vec![crate::import::Measure {
            title: None,
            text: "健全学习和执行制度".to_string(),
            position: 0,
            deadline: None,
            answers: vec![0, 1],
        }],
        ..Summary::default()
    }
}

fn printed(format: Format) -> String {
    let mut out = Vec::new();
    print_dry_run(&mut out, format, Lang::Zh, &[summary()]).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_dry_run_shows_which_problems_a_measure_answers() {
    assert!(printed(Format::Md).contains("针对问题 1、2"));
    let csv = printed(Format::Csv);
    assert!(csv.lines().next().unwrap().ends_with(",answers"), "{csv}");
    assert!(
        csv.contains(",measure,1,,健全学习和执行制度,,,1;2"),
        "{csv}"
    );
}
