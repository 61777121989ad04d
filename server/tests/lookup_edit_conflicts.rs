//! Two people editing one row of a "Tabelas" table: the row's version decides, so the second
//! save is refused and the first change stays (never silently undone).
mod common;
mod table_forms;

use axum::http::StatusCode;
use common::*;
use sqlx::PgPool;
use table_forms::*;

fn edit(id: i64, version: Option<i64>, description: &str) -> Vec<(String, String)> {
    let mut pairs = vec![
        ("id".to_string(), id.to_string()),
        ("input[code]".into(), "SUL".into()),
        ("input[description]".into(), description.into()),
    ];
    if let Some(version) = version {
        pairs.push(("version".into(), version.to_string()));
    }
    pairs
}

async fn save(
    app: &axum::Router,
    cookie: &str,
    pairs: &[(String, String)],
) -> (StatusCode, String) {
    let pairs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    save_entry(app, cookie, "region", &pairs).await
}

#[sqlx::test(migrations = "../migrations")]
async fn of_two_people_editing_one_row_the_second_is_refused_and_the_first_change_stays(
    pool: PgPool,
) {
    tenant(&pool, "alpha").await;
    let app = app(&pool);
    let boss = sign_in(&app, "boss@alpha.test").await;
    let clerk = sign_in(&app, "clerk@alpha.test").await;
    let (status, body) = save_entry(
        &app,
        &boss,
        "region",
        &[("input[code]", "SUL"), ("input[description]", "Sul")],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let opened = &rows(&app, &boss, "region").await[0];
    let id = opened["id"].as_i64().unwrap();
    assert_eq!(opened["version"], 1);

    // Both opened version 1 and save at once: exactly one lands.
    let (boss_edit, clerk_edit) = (
        edit(id, Some(1), "Região Sul"),
        edit(id, Some(1), "Sul do Brasil"),
    );
    let (first, second) = tokio::join!(
        save(&app, &boss, &boss_edit),
        save(&app, &clerk, &clerk_edit),
    );
    let statuses = [first.0, second.0];
    assert!(statuses.contains(&StatusCode::OK), "{statuses:?}");
    assert!(statuses.contains(&StatusCode::CONFLICT), "{statuses:?}");
    let (landed, refused) = if first.0 == StatusCode::OK {
        ("Região Sul", &second.1)
    } else {
        ("Sul do Brasil", &first.1)
    };
    assert!(
        refused.contains(
            "SUL foi alterado por outro usuário depois que você o abriu; nada foi gravado."
        ),
        "{refused}"
    );
    let now = &rows(&app, &boss, "region").await[0];
    assert_eq!(now["description"], landed);
    assert_eq!(now["version"], 2);
    let (status, history, _) = send(&app, call("lookup_history", "kind=region", Some(&boss))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        history.matches(landed).count(),
        1,
        "only the landed save is in the history: {history}"
    );

    // An edit that names no version is a malformed request, not an overwrite.
    let (status, _) = save(&app, &clerk, &edit(id, None, "Sem versão")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(rows(&app, &boss, "region").await[0]["description"], landed);
}
