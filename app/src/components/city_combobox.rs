//! A city typed with its IBGE identifications suggested as the user types: the WAI-ARIA
//! "combobox with listbox popup" (list autocomplete, no automatic selection), so it works
//! from the keyboard as well as with the mouse or a finger.
//!
//! Keys, while the text box has the focus: ArrowDown / ArrowUp move through the suggestions
//! (opening the list when it is closed), Enter takes the highlighted one — and never submits
//! the form while the list is open, so a half-typed city is not saved by accident —, Escape
//! closes the list and, once closed, a second Escape clears the text; Tab leaves the box and
//! closes the list. The focus stays in the text box: the highlighted suggestion is announced
//! through `aria-activedescendant`; the list is `aria-busy` while suggestions are on their way.

use leptos::prelude::*;

use crate::api::search_cities;

#[component]
pub fn CityCombobox(
    /// The text box's id (its `<label for>`); the list is `{id}-options`.
    #[prop(into)]
    id: String,
    /// The form field's name, when a form posts the city.
    #[prop(optional, into)]
    name: Option<String>,
    /// The city as typed or chosen.
    value: RwSignal<String>,
    /// The id of the message explaining what is wrong with the city, while there is one.
    #[prop(optional, into)]
    described_by: MaybeProp<String>,
    /// Whether the city was refused.
    #[prop(optional, into)]
    invalid: Signal<bool>,
) -> impl IntoView {
    let list_id = format!("{id}-options");
    // The user wants to see suggestions: typed, or asked with an arrow key.
    let wanted = RwSignal::new(false);
    // The highlighted suggestion: none until an arrow key says so.
    let active = RwSignal::new(None::<usize>);
    // An arrow key was pressed since the text last changed: suggestions still on their way
    // then come with one highlighted.
    let arrowed = StoredValue::new(false);
    let option_prefix = StoredValue::new(format!("{id}-option-"));
    let found = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    // Answers may come back out of order: only the one to the latest question is shown.
    let asked = StoredValue::new(0_u32);
    let ask = move |typed: String| {
        asked.update_value(|n| *n += 1);
        let ticket = asked.get_value();
        busy.set(true);
        leptos::task::spawn_local(async move {
            let cities = search_cities(typed).await.unwrap_or_default();
            if asked.try_get_value() == Some(ticket) {
                let highlighted = active
                    .try_get_untracked()
                    .flatten()
                    .and_then(|index| found.with_untracked(|found| found.get(index).cloned()));
                let arrowed = arrowed.try_get_value().unwrap_or(false);
                let next = highlight_after_answer(highlighted.as_deref(), arrowed, &cities);
                found.try_set(cities);
                active.try_set(next);
                busy.try_set(false);
            }
        });
    };
    let forget = move || {
        asked.update_value(|n| *n += 1);
        busy.set(false);
        found.set(Vec::new());
        active.set(None);
        arrowed.set_value(false);
    };
    // Once the text is a whole identification there is nothing left to choose.
    let open = Memo::new(move |_| {
        wanted.get()
            && found.with(|found| {
                !found.is_empty() && !found.contains(&rules::city::fold(&value.get()))
            })
    });
    let option_id = move |index: usize| format!("{}{index}", option_prefix.get_value());
    let active_descendant = move || {
        let index = active.get().filter(|_| open.get())?;
        (index < found.with(Vec::len)).then(|| option_id(index))
    };
    Effect::new({
        let list_id = list_id.clone();
        move |_| {
            if let Some(option) = active_descendant() {
                keep_in_view(&list_id, &option);
            }
        }
    });
    let close = move || {
        wanted.set(false);
        active.set(None);
        arrowed.set_value(false);
    };
    let pick = move |city: String| {
        value.set(city);
        close();
    };
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        ask(typed.clone());
        value.set(typed);
        active.set(None);
        arrowed.set_value(false);
        wanted.set(true);
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = found.with(Vec::len);
        match ev.key().as_str() {
            key @ ("ArrowDown" | "ArrowUp") => {
                ev.prevent_default();
                arrowed.set_value(true);
                if !open.get_untracked() {
                    wanted.set(true);
                    if count == 0 {
                        // A city loaded with the form has not been searched yet.
                        ask(value.get_untracked());
                        return;
                    }
                }
                active.set(step(active.get_untracked(), count, key == "ArrowDown"));
            }
            "Enter" if open.get_untracked() => {
                ev.prevent_default();
                match active.get_untracked() {
                    Some(index) if index < count => {
                        pick(found.with_untracked(|found| found[index].clone()))
                    }
                    _ => close(),
                }
            }
            "Escape" => {
                if open.get_untracked() {
                    ev.prevent_default();
                    close();
                } else if !value.with_untracked(String::is_empty) {
                    ev.prevent_default();
                    value.set(String::new());
                    forget();
                }
            }
            "Tab" => close(),
            _ => {}
        }
    };

    view! {
        <div class="city-combobox">
            <input
                id=id
                name=name
                type="text"
                role="combobox"
                aria-controls=list_id.clone()
                aria-autocomplete="list"
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=active_descendant
                aria-describedby=move || described_by.get()
                aria-invalid=move || invalid.get().then_some("true")
                autocomplete="off"
                spellcheck="false"
                placeholder="SAO LEOPOLDO - RS"
                prop:value=move || value.get()
                on:input=on_input
                on:keydown=on_keydown
                on:blur=move |_| close()
            />
            // Pressing on the list keeps the focus in the text box, so its blur does not close
            // the list before the click picks the city.
            <ul
                id=list_id
                role="listbox"
                aria-label="Cidades"
                aria-busy=move || busy.get().to_string()
                hidden=move || !open.get()
                on:mousedown=|ev| ev.prevent_default()
            >
                {move || found.get().into_iter().enumerate().map(|(index, city)| {
                    let chosen = city.clone();
                    let selected = move || active.get() == Some(index);
                    view! {
                        <li
                            id=option_id(index)
                            role="option"
                            aria-selected=move || selected().to_string()
                            class:active=selected
                            on:click=move |_| pick(chosen.clone())
                        >
                            {city}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// The suggestion highlighted when new suggestions arrive: the one highlighted before, if it is
/// still suggested; otherwise, if an arrow key was pressed while they were on their way (a quick
/// keyboard user types and presses ArrowDown at once), the first.
fn highlight_after_answer(
    highlighted: Option<&str>,
    arrowed: bool,
    cities: &[String],
) -> Option<usize> {
    highlighted
        .and_then(|city| cities.iter().position(|c| c == city))
        .or_else(|| (arrowed && !cities.is_empty()).then_some(0))
}

/// The suggestion an arrow key moves to among `count`: the first (down) or the last (up)
/// when none is highlighted, wrapping around at either end.
fn step(current: Option<usize>, count: usize, down: bool) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match (current.filter(|&i| i < count), down) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    })
}

/// Scrolls the list (not the page) so the highlighted suggestion is visible.
fn keep_in_view(list_id: &str, option_id: &str) {
    use leptos::wasm_bindgen::JsCast;
    let (Some(list), Some(option)) = (
        document().get_element_by_id(list_id),
        document()
            .get_element_by_id(option_id)
            .and_then(|o| o.dyn_into::<leptos::web_sys::HtmlElement>().ok()),
    ) else {
        return;
    };
    let (top, bottom) = (
        option.offset_top(),
        option.offset_top() + option.offset_height(),
    );
    if top < list.scroll_top() {
        list.set_scroll_top(top);
    } else if bottom > list.scroll_top() + list.client_height() {
        list.set_scroll_top(bottom - list.client_height());
    }
}

#[cfg(test)]
mod tests {
    use super::{highlight_after_answer, step};

    #[test]
    fn an_answer_keeps_the_highlighted_city_or_highlights_the_first_after_an_arrow_key() {
        let cities = [
            "SAO LEOPOLDO - RS".to_string(),
            "SAO LOURENCO - MG".to_string(),
        ];
        let leopoldo = Some("SAO LEOPOLDO - RS");
        assert_eq!(highlight_after_answer(leopoldo, true, &cities[..]), Some(0));
        assert_eq!(
            highlight_after_answer(Some("SAO LOURENCO - MG"), true, &cities[..]),
            Some(1)
        );
        // Gone from the new answer: the first, as the arrow key asked to enter the list.
        assert_eq!(
            highlight_after_answer(Some("SAO PAULO - SP"), true, &cities[1..]),
            Some(0)
        );
        // Pressed before any suggestion came.
        assert_eq!(highlight_after_answer(None, true, &cities[..]), Some(0));
        // Typed only: nothing highlighted until an arrow key says so.
        assert_eq!(highlight_after_answer(None, false, &cities[..]), None);
        assert_eq!(highlight_after_answer(None, true, &[]), None);
    }

    #[test]
    fn arrow_down_from_nothing_highlights_the_first_and_wraps_after_the_last() {
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(Some(0), 3, true), Some(1));
        assert_eq!(step(Some(2), 3, true), Some(0));
    }

    #[test]
    fn arrow_up_from_nothing_highlights_the_last_and_wraps_before_the_first() {
        assert_eq!(step(None, 3, false), Some(2));
        assert_eq!(step(Some(1), 3, false), Some(0));
        assert_eq!(step(Some(0), 3, false), Some(2));
    }

    #[test]
    fn no_suggestions_highlight_nothing_and_a_stale_index_starts_over() {
        assert_eq!(step(Some(1), 0, true), None);
        assert_eq!(step(Some(7), 3, true), Some(0));
    }
}
