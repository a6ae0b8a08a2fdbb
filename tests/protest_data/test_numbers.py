import pytest

from protest_data.numbers import numbers_in, states_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At least 5,300 people were arrested", 5300),
        ("в Москве (1,800) и Петербурге (1,176)", 1176),
        ("на улицы вышли 15 000 человек", 15000),
        ("more than 3.3 thousand people", 3300),
        ("более 1,6 тыс. в Москве", 1600),
        ("в городе сегодня -43 градуса", -43),
        ("temperatures of minus 43 degrees Celsius", -43),
        ("temperatures plunged to -50C", -50),
        ("where it’s −50 centigrade", -50),
        ("AP said it was minus-50", -50),
        ("в 50-градусный мороз", -50),
        ("от 15 до 20 тысяч человек", 15000),
        ("от 15 до 20 тысяч человек", 20000),
        ("15,000–20,000 people", 20000),
        ("three thousand people", 3000),
        ("около трёх тысяч человек", 3000),
        ("более полутора тысяч", 1500),
        ("от полутора до двух тысяч", 1500),
        ("от одной до трех тысяч", 1000),
        ("три-четыре тысячи", 3000),
        ("двести пятьдесят человек", 250),
        ("one hundred and twenty people", 120),
        ("at least a dozen arrests", 12),
        ("более тысячи человек", 1000),
        ("о четырех тысячах участников", 4000),
        ("около полсотни", 50),
        ("под два десятка", 20),
        ("более полутысячи", 500),
    ],
)
def test_reads_the_number_a_source_states(text, value):
    assert states_number(text, value), sorted(numbers_in(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("At least 5,300 people were arrested", 5000),  # never rounds
        ("three thousand people", 300),
        ("в городе сегодня -43 градуса", 43),  # a temperature keeps its sign
        ("15,000–20,000 people", -20000),  # a range dash is not a minus sign
        ("1,6 тыс.", 6000),  # the tail of a decimal is not a number of its own
    ],
)
def test_does_not_read_numbers_that_are_not_there(text, value):
    assert not states_number(text, value), sorted(numbers_in(text))


@pytest.mark.parametrize("text", ["thousands of people", "тысячи человек вышли", "dozens were detained",
                                  "десятки задержанных", "несколько сотен"])
def test_vague_counts_state_no_number(text):
    assert numbers_in(text) == set()
