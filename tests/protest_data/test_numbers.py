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
        # Cases that pin single parts of the reader (each killed a mutant that survived; docs/mutation.md).
        ("-5 degrees at the start of a text", -5),
        ("Minus 43 degrees, capitalised", -43),
        ("minus forty degrees", -40),
        ("15\u00a0000 человек (a no-break space between the groups)", 15000),
        ("150 000 человек", 150000),
        ("в 2021 году 1 234 567 голосов", 1234567),
        ("В 2021 году более 1,6 тыс. человек", 1600),
        ("5 Thousand people", 5000),
        ("с 3 тысячами участников", 3000),
        ("twenty-five people", 25),
        ("Organisers said: three thousand", 3000),
        ("задержали около десятка человек", 10),
        ("около сотни человек", 100),
        ("около миллиона подписей", 1_000_000),
        ("two million", 2_000_000),
        ("one million two hundred thousand", 1_200_000),
        ("В 20-градусный мороз вышли 300 человек", 300),
        ("В 20-градусный мороз вышли 300 человек", -20),
        ("at 1 degree below zero", -1),
        ("от 3 до 5 тысяч в Москве и от 15 до 20 тысяч в Петербурге", 15000),
        ("В 2021 году вышли 15-20 тысяч человек", 15000),
        ("от двух до трёх миллионов подписей", 2_000_000),
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
        ("5,000 people", 5001),  # a number is stated exactly, not nearly
        ("5 people -", -5),  # a dash at the end of the text is no minus sign for the first number
        ("B-52 bombers", -52),  # a hyphen after a letter is no minus sign
        ("в 12,5 раза больше", 125),  # a decimal comma is no thousands separator
        ("в 2021 году 500 человек", 2021500),  # four digits and three are two numbers
        ("They waited ten. Five people came", 15),  # a full stop ends a spelled number
        ("two two", 4),
        ("forty people came; the thermometer showed minus", -40),  # 'minus' after a number is not its sign
        ("15-20 тысяч, а по данным МВД 1 млн", 15_000_000),  # a range's multiplier is its own, not a later one's
    ],
)
def test_does_not_read_numbers_that_are_not_there(text, value):
    assert not states_number(text, value), sorted(numbers_in(text))


@pytest.mark.parametrize("text", ["thousands of people", "тысячи человек вышли", "dozens were detained",
                                  "десятки задержанных", "несколько сотен"])
def test_vague_counts_state_no_number(text):
    assert numbers_in(text) == set()
